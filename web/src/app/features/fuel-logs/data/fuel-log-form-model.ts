import { Signal, computed, effect, inject, signal, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder } from '@angular/forms';
import { Observable, map } from 'rxjs';
import { CurrentUser } from '../../../core/auth/current-user';
import { loader } from '../../../core/loading/loader';
import { problemOf } from '../../../core/problem';
import { fuelTypeOptions, labelOf, VehiclesApi } from '../../vehicles';
import { AmountField, amountFields, amountsToSend, derivedField, editTypingOrder, typeAmount } from './fill-amounts';
import {
  currencySymbolOf,
  opensMoreDetails,
  quantityUnitFor,
  vehicleChoices,
  vehicleToPick,
  zoneNoteFor,
} from './fill-up-defaults';
import { FuelLog } from './fuel-log';
import { isDetailField, odometerOrderText, placeFieldErrors } from './fuel-log-errors';
import { amountTextsOf, createFuelLogForm, formValueOf, fuelLogFieldsOf } from './fuel-log-form';
import { formatNumber } from './fuel-format';
import { FuelLogsApi } from './fuel-logs-api';
import { lastVehicleId } from './last-vehicle';
import { browserTimeZone, instantOf, wallTimeOf } from './zoned-time';

export interface FuelLogFormInputs {
  /** The fill-up being edited; none when logging a new one. */
  fuelLog: Signal<FuelLog | undefined>;
  /** `?vehicle=`: the vehicle to log for. */
  askedVehicle: Signal<string | undefined>;
}

/**
 * The fill-up form's state and rules, apart from how it looks: the vehicles to pick from and the one
 * preselected, the vehicle's unit and fuel, the third amount worked out, the request to send and the
 * API's field errors placed. Create it in an injection context.
 */
export class FuelLogFormModel {
  private readonly api = inject(FuelLogsApi);
  private readonly currentUser = inject(CurrentUser);
  private readonly vehiclesApi = inject(VehiclesApi);
  private readonly fuelLog: Signal<FuelLog | undefined>;

  readonly form = createFuelLogForm(inject(NonNullableFormBuilder));
  readonly value = toSignal(this.form.valueChanges.pipe(map(() => this.form.getRawValue())), {
    initialValue: this.form.getRawValue(),
  });
  readonly editing = computed(() => !!this.fuelLog());
  private readonly me = this.currentUser.me;
  readonly locale = computed(() => this.me()?.locale);
  private readonly timeZone = computed(() => this.me()?.timeZone);

  readonly vehicles = loader({
    request: () => this.vehiclesApi.listAll({ sort: 'name' }),
    failure: 'Your vehicles could not be loaded.',
  });
  readonly noVehicles = computed(() => this.vehicles.value()?.length === 0);
  private readonly selected = computed(() =>
    this.vehicles.value()?.find((vehicle) => vehicle.id === this.value().vehicleId),
  );
  readonly vehicleChoices = computed(() => vehicleChoices(this.vehicles.value() ?? [], this.value().vehicleId));
  readonly fuelChoices = computed(() =>
    (this.selected()?.fuelTypes ?? []).map((fuel) => ({ value: fuel, label: labelOf(fuelTypeOptions, fuel) ?? fuel })),
  );
  readonly odometerUnit = computed(() => this.selected()?.odometerUnit ?? this.me()?.distanceUnit ?? 'mi');
  readonly lastReading = computed(() => {
    const vehicle = this.selected();
    if (!vehicle || this.editing()) return undefined;
    return { value: String(vehicle.currentOdometer), text: formatNumber(vehicle.currentOdometer, this.locale(), 0, 1) };
  });
  readonly currencySymbol = computed(() =>
    currencySymbolOf(this.fuelLog()?.currency ?? this.me()?.currency ?? 'USD', this.locale()),
  );
  readonly zoneNote = computed(() => zoneNoteFor(this.timeZone(), browserTimeZone()));

  /** The amounts typed, the latest last; the third is worked out. */
  private readonly typedOrder = signal<readonly AmountField[]>([]);
  readonly derived = computed(() => derivedField(this.typedOrder()));
  readonly moreOpen = signal(false);
  private readonly submitted = signal(false);
  /** Fewer than two amounts, said once the user tried to save. */
  readonly amountsMissing = computed(() => {
    this.value();
    return this.submitted() && this.form.hasError('amounts');
  });

  constructor({ fuelLog, askedVehicle }: FuelLogFormInputs) {
    this.fuelLog = fuelLog;
    this.currentUser.ensureLoaded();
    const { controls } = this.form;
    controls.filledAt.setValue(wallTimeOf(new Date(), undefined));

    // Editing: the stored fill-up, in the profile's time zone once known (unless the user has begun).
    let shownLogId: string | undefined;
    effect(() => {
      const log = fuelLog();
      const timeZone = this.timeZone();
      if (!log) return;
      untracked(() => {
        if (log.id === shownLogId && this.form.dirty) return;
        shownLogId = log.id;
        this.form.reset(formValueOf(log, timeZone));
        controls.vehicleId.disable();
        this.typedOrder.set(editTypingOrder);
        this.moreOpen.set(opensMoreDetails(log, this.me()?.volumeUnit));
      });
    });

    // Logging: now, on the profile's clock, until the user picks another time.
    effect(() => {
      const timeZone = this.timeZone();
      if (fuelLog()) return;
      untracked(() => {
        if (controls.filledAt.pristine) controls.filledAt.setValue(wallTimeOf(new Date(), timeZone));
      });
    });

    // The vehicle asked for, else the last one used here, else the first.
    effect(() => {
      const vehicles = this.vehicles.value();
      const asked = askedVehicle();
      if (!vehicles?.length || fuelLog()) return;
      untracked(() => {
        if (!controls.vehicleId.value) controls.vehicleId.setValue(vehicleToPick(vehicles, asked, lastVehicleId())!.id);
      });
    });

    // A vehicle's own quantity unit (kWh for an electric one) and fuel, unless the user chose them.
    effect(() => {
      const vehicle = this.selected();
      const me = this.me();
      if (!vehicle || fuelLog()) return;
      untracked(() => {
        if (controls.quantityUnit.pristine) controls.quantityUnit.setValue(quantityUnitFor(vehicle, me?.volumeUnit));
        if (controls.fuelType.pristine) controls.fuelType.setValue(vehicle.fuelTypes[0] ?? null);
      });
    });
  }

  /** The user typed `text` in an amount (read from the input: its control may hear of it later). */
  typed(field: AmountField, text: string): void {
    const { order, changes } = typeAmount(this.typedOrder(), field, {
      ...amountTextsOf(this.form.getRawValue()),
      [field]: text,
    });
    this.typedOrder.set(order);
    for (const [changed, changedText] of Object.entries(changes)) {
      this.form.controls[changed as AmountField].setValue(changedText);
    }
  }

  /** Marks everything touched; false when the form is not ready to send (its errors now show). */
  validate(): boolean {
    this.form.markAllAsTouched();
    this.submitted.set(true);
    return !this.form.invalid;
  }

  /** The POST of a new fill-up, or the PATCH of the one edited (its amounts only if touched). */
  request(): Observable<FuelLog> {
    const log = this.fuelLog();
    const value = this.form.getRawValue();
    const { controls } = this.form;
    // An untouched date is "now", the moment of saving to the second; an edit leaves it as stored.
    const untouched = log ? undefined : new Date();
    const when = controls.filledAt.pristine ? untouched : instantOf(value.filledAt, this.timeZone());
    const amountsTouched = amountFields.some((field) => controls[field].dirty);
    const amounts = log && !amountsTouched ? [] : amountsToSend(this.typedOrder(), amountTextsOf(value));
    const station = !log ? 'new' : controls.station.dirty ? 'changed' : 'unchanged';
    const fields = fuelLogFieldsOf(value, amounts, when, station);
    if (log) return this.api.update(log.id, fields);
    return this.api.create({
      ...fields,
      vehicleId: value.vehicleId,
      filledAt: when!.toISOString(),
      odometer: fields.odometer!,
    });
  }

  /** Puts the API's field errors under their fields; false when some of it is for a snack bar. */
  placeErrors(error: unknown): boolean {
    const problem = problemOf(error);
    const odometerOrder = odometerOrderText(problem, this.odometerUnit(), this.locale(), this.timeZone());
    const { fields, unplaced } = placeFieldErrors(problem, odometerOrder);
    for (const { field, message } of fields) {
      const control = this.form.controls[field];
      control.setErrors({ ...control.errors, server: message });
      control.markAsTouched();
      if (isDetailField(field)) this.moreOpen.set(true);
    }
    return !unplaced;
  }
}
