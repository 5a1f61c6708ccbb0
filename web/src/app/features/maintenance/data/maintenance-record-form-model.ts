import { Signal, computed, effect, inject, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder } from '@angular/forms';
import { Observable, map } from 'rxjs';
import { CurrentUser } from '../../../core/auth/current-user';
import { loader } from '../../../core/loading/loader';
import { problemOf } from '../../../core/problem';
import { Vehicle, VehiclesApi } from '../../vehicles';
import { todayIn } from '../../../core/calendar-day';
import { categoryLabel } from './maintenance-categories';
import { MaintenanceRecord } from './maintenance-record';
import { MaintenanceApi } from './maintenance-api';
import { odometerOrderText, placeFieldErrors } from './maintenance-record-errors';
import {
  createMaintenanceRecordForm,
  createPartRow,
  recordFieldsOf,
  recordFormValueOf,
} from './maintenance-record-form';
import { currencySymbolOf, formatMoney, formatOdometer } from './maintenance-format';
import { RecordFormPrefill } from './record-form-link';
import { liveCosts, minorText } from './record-costs';

export interface MaintenanceRecordFormInputs {
  /** The record being edited; none when adding one. */
  record: Signal<MaintenanceRecord | undefined>;
  /** What the query asks to fill in (`?vehicleId=&category=&title=&reminderId=`). */
  prefill: Signal<RecordFormPrefill>;
}

/**
 * The service record form's state and rules, apart from how it looks: the vehicles and the one
 * picked, its unit and odometer, the parts' line totals and the total worked out as the user types,
 * the request, and the API's field errors placed. Create it in an injection context.
 */
export class MaintenanceRecordFormModel {
  private readonly api = inject(MaintenanceApi);
  private readonly vehiclesApi = inject(VehiclesApi);
  private readonly currentUser = inject(CurrentUser);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly record: Signal<MaintenanceRecord | undefined>;

  readonly form = createMaintenanceRecordForm(this.fb);
  readonly value = toSignal(this.form.valueChanges.pipe(map(() => this.form.getRawValue())), {
    initialValue: this.form.getRawValue(),
  });
  readonly editing = computed(() => !!this.record());
  private readonly me = this.currentUser.me;
  readonly locale = computed(() => this.me()?.locale);
  /** The reminder this record completes (`?reminderId=`): saving marks it done. */
  readonly reminderId: Signal<string | undefined>;
  /** A new record that completes a reminder (not an edit). */
  readonly completing = computed(() => !this.editing() && !!this.reminderId());

  readonly vehicles = loader({
    request: () => this.vehiclesApi.listAll({ sort: 'name' }),
    failure: 'Your vehicles could not be loaded.',
  });
  readonly noVehicles = computed(() => this.vehicles.value()?.length === 0);
  private readonly selected = computed(() =>
    this.vehicles.value()?.find((vehicle) => vehicle.id === this.value().vehicleId),
  );
  /** Sold vehicles stay out of the list, unless the record is theirs. */
  readonly vehicleChoices = computed(() =>
    (this.vehicles.value() ?? []).filter(
      (vehicle) => vehicle.status !== 'sold' || vehicle.id === this.value().vehicleId,
    ),
  );
  readonly odometerUnit = computed(() => this.selected()?.odometerUnit ?? this.me()?.distanceUnit ?? 'mi');
  /** The vehicle's odometer now, as the field's placeholder and hint when adding a record. */
  readonly currentOdometer = computed(() => {
    const vehicle = this.selected();
    if (!vehicle || this.editing()) return undefined;
    return {
      value: String(vehicle.currentOdometer),
      text: formatOdometer(vehicle.currentOdometer, vehicle.odometerUnit, this.locale()),
    };
  });
  private readonly currency = computed(() => this.record()?.currency ?? this.me()?.currency ?? 'USD');
  readonly currencySymbol = computed(() => currencySymbolOf(this.currency(), this.locale()));

  private readonly costs = computed(() => liveCosts(this.value().parts, this.value().labourCost));
  /** Parts or labour given: the total is theirs, worked out as the user types. */
  readonly totalWorkedOut = computed(() => this.costs().totalMinor !== undefined);
  /** Each part's line total as the row shows it ("$40.46"); undefined while its amounts are incomplete. */
  readonly lineTotals = computed(() =>
    this.costs().lineMinor.map((minor) =>
      minor === undefined ? undefined : formatMoney(minor / 100, this.currency(), this.locale()),
    ),
  );

  constructor({ record, prefill }: MaintenanceRecordFormInputs) {
    this.record = record;
    this.reminderId = computed(() => prefill().reminderId);
    this.currentUser.ensureLoaded();
    const { controls } = this.form;

    // Editing: the stored record, its parts as rows (unless the user has begun).
    let shownId: string | undefined;
    effect(() => {
      const stored = record();
      if (!stored) return;
      untracked(() => {
        if (stored.id === shownId && this.form.dirty) return;
        shownId = stored.id;
        const value = recordFormValueOf(stored);
        controls.parts.clear();
        for (const part of value.parts) controls.parts.push(createPartRow(this.fb, part));
        this.form.reset(value);
        controls.vehicleId.disable();
      });
    });

    // Adding: today on the profile's calendar, and what the link asked for, until the user changes them.
    effect(() => {
      const timeZone = this.me()?.timeZone;
      const asked = prefill();
      if (record()) return;
      untracked(() => {
        if (controls.performedAt.pristine) controls.performedAt.setValue(todayIn(timeZone));
        if (asked.category && controls.category.pristine) controls.category.setValue(categoryLabel(asked.category));
        if (asked.title && controls.title.pristine) controls.title.setValue(asked.title);
      });
    });

    // The vehicle asked for, else the first still in use, else the first.
    effect(() => {
      const vehicles = this.vehicles.value();
      const asked = prefill().vehicleId;
      if (!vehicles?.length || record()) return;
      untracked(() => {
        if (!controls.vehicleId.value) controls.vehicleId.setValue(vehicleToPick(vehicles, asked).id);
      });
    });

    // Parts or labour given: the total field shows their sum, as the API will store it.
    effect(() => {
      const totalMinor = this.costs().totalMinor;
      if (totalMinor === undefined) return;
      untracked(() => {
        const text = minorText(totalMinor);
        if (controls.totalCost.value !== text) controls.totalCost.setValue(text);
      });
    });
  }

  addPart(): void {
    this.form.controls.parts.push(createPartRow(this.fb));
  }

  removePart(index: number): void {
    this.form.controls.parts.removeAt(index);
    this.form.markAsDirty();
  }

  /** Marks everything touched; false when the form is not ready to send (its errors now show). */
  validate(): boolean {
    this.form.markAllAsTouched();
    return !this.form.invalid;
  }

  /**
   * The POST of a new record, the PATCH of the one edited (every part: a PATCH replaces them), or,
   * for a reminder's "Mark done", its completion: the record and the reminder moved on in one step.
   */
  request(): Observable<MaintenanceRecord> {
    const stored = this.record();
    const value = this.form.getRawValue();
    const fields = recordFieldsOf(value, this.totalWorkedOut());
    if (stored) return this.api.update(stored.id, fields);
    const record = {
      ...fields,
      performedAt: value.performedAt,
      odometer: fields.odometer!,
      category: fields.category!,
      title: fields.title!,
    };
    const reminderId = this.reminderId();
    if (reminderId) return this.api.complete(reminderId, record).pipe(map((done) => done.record));
    return this.api.create({ ...record, vehicleId: value.vehicleId });
  }

  /** Puts the API's field errors under their controls; false when some of it is for a snack bar. */
  placeErrors(error: unknown): boolean {
    const problem = problemOf(error);
    const odometerOrder = odometerOrderText(problem, this.odometerUnit(), this.locale());
    const { fields, unplaced } = placeFieldErrors(problem, (path) => !!this.form.get(path), odometerOrder);
    for (const { path, message } of fields) {
      const control = this.form.get(path)!;
      control.setErrors({ ...control.errors, server: message });
      control.markAsTouched();
    }
    return !unplaced;
  }
}

function vehicleToPick(vehicles: readonly Vehicle[], asked: string | undefined): Vehicle {
  return (
    vehicles.find((vehicle) => vehicle.id === asked) ??
    vehicles.find((vehicle) => vehicle.status !== 'sold') ??
    vehicles[0]
  );
}
