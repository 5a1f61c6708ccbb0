import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCard } from '@angular/material/card';
import {
  MAT_FORM_FIELD_DEFAULT_OPTIONS,
  MatError,
  MatFormField,
  MatHint,
  MatLabel,
  MatPrefix,
  MatSuffix,
} from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatSlideToggle } from '@angular/material/slide-toggle';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import { catchError, finalize, map, of, startWith, switchMap } from 'rxjs';
import { CurrentUser } from '../../../core/auth/current-user';
import { describeError, problemOf } from '../../../core/problem';
import {
  AmountField,
  Amounts,
  amountDecimals,
  amountFields,
  amountText,
  deriveAmount,
  derivedField,
  parseDecimal,
  typedAfter,
} from '../data/fill-amounts';
import { FuelLog, QuantityUnit } from '../data/fuel-log';
import {
  FuelLogFormField,
  createFuelLogForm,
  fieldErrorText,
  formFieldOf,
  formValueOf,
  fuelLogFieldsOf,
  odometerOrderText,
} from '../data/fuel-log-form';
import { formatNumber, quantityUnitLabels, quantityUnitOptions, savedEntrySummary } from '../data/fuel-format';
import { FuelLogsApi } from '../data/fuel-logs-api';
import { lastVehicleId, rememberVehicle } from '../data/last-vehicle';
import { browserTimeZone, instantOf, wallTimeOf } from '../data/zoned-time';
import { fuelTypeOptions, labelOf, Vehicle, VehiclesApi } from '../../vehicles';

interface VehicleList {
  vehicles?: Vehicle[];
  problem?: string;
}

/** "Price per gallon": the unit as a word after "per". */
const perUnitWords: Record<QuantityUnit, string> = {
  gal_us: 'gallon',
  gal_uk: 'gallon',
  l: 'litre',
  kwh: 'kWh',
};

/** Edits start as if price and quantity were typed: a new total works out the price, as the API does. */
const editSeed: AmountField[] = ['pricePerUnit', 'quantity'];

/**
 * Log a fill-up (`/fuel/new`, `?vehicle=` preselects one) or edit one (`/fuel/:id/edit`, with the
 * resolved `fuelLog`). Made for a phone at the pump: the last vehicle, now, and the full-tank switch
 * are already set; any two amounts fill in the third.
 */
@Component({
  selector: 'mvp-fuel-log-form-page',
  imports: [
    MatButton,
    MatCard,
    MatError,
    MatFormField,
    MatHint,
    MatIcon,
    MatInput,
    MatLabel,
    MatOption,
    MatPrefix,
    MatProgressBar,
    MatSelect,
    MatSlideToggle,
    MatSuffix,
    ReactiveFormsModule,
    RouterLink,
  ],
  providers: [{ provide: MAT_FORM_FIELD_DEFAULT_OPTIONS, useValue: { subscriptSizing: 'dynamic' } }],
  templateUrl: './fuel-log-form-page.html',
  styleUrl: './fuel-log-form-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FuelLogFormPage {
  private readonly api = inject(FuelLogsApi);
  private readonly vehiclesApi = inject(VehiclesApi);
  private readonly currentUser = inject(CurrentUser);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly destroyRef = inject(DestroyRef);

  /** The fill-up being edited (resolved by the route); none when logging a new one. */
  readonly fuelLog = input<FuelLog>();
  /** `?vehicle=`: the vehicle to log for (from its Fuel tab). */
  readonly vehicle = input<string>();

  protected readonly form = createFuelLogForm(inject(NonNullableFormBuilder));
  protected readonly editing = computed(() => !!this.fuelLog());
  private readonly me = this.currentUser.me;
  private readonly locale = computed(() => this.me()?.locale);
  private readonly timeZone = computed(() => this.me()?.timeZone);

  private readonly retries = signal(0);
  private readonly vehicleList = toSignal(
    toObservable(this.retries).pipe(
      switchMap(() =>
        this.vehiclesApi.listAll({ sort: 'name' }).pipe(
          map((vehicles): VehicleList => ({ vehicles })),
          catchError((error: unknown) =>
            of<VehicleList>({ problem: describeError(error, 'Your vehicles could not be loaded.') }),
          ),
          startWith<VehicleList>({}),
        ),
      ),
    ),
    { initialValue: {} as VehicleList },
  );
  protected readonly loadProblem = computed(() => this.vehicleList().problem);
  protected readonly loading = computed(() => !this.vehicleList().vehicles && !this.loadProblem());
  protected readonly noVehicles = computed(() => this.vehicleList().vehicles?.length === 0);

  protected readonly value = toSignal(this.form.valueChanges.pipe(map(() => this.form.getRawValue())), {
    initialValue: this.form.getRawValue(),
  });
  protected readonly selected = computed(() =>
    this.vehicleList().vehicles?.find((vehicle) => vehicle.id === this.value().vehicleId),
  );
  /** Sold vehicles stay out of the list, unless it is the one this fill-up belongs to. */
  protected readonly vehicleChoices = computed(() =>
    (this.vehicleList().vehicles ?? []).filter(
      (vehicle) => vehicle.status !== 'sold' || vehicle.id === this.value().vehicleId,
    ),
  );
  protected readonly fuelChoices = computed(() =>
    (this.selected()?.fuelTypes ?? []).map((fuel) => ({ value: fuel, label: labelOf(fuelTypeOptions, fuel) ?? fuel })),
  );

  protected readonly odometerUnit = computed(() => this.selected()?.odometerUnit ?? this.me()?.distanceUnit ?? 'mi');
  protected readonly lastReading = computed(() => {
    const vehicle = this.selected();
    if (!vehicle || this.editing()) return undefined;
    return { value: String(vehicle.currentOdometer), text: formatNumber(vehicle.currentOdometer, this.locale(), 0, 1) };
  });
  protected readonly unitLabel = computed(() => quantityUnitLabels[this.value().quantityUnit]);
  protected readonly perUnitWord = computed(() => perUnitWords[this.value().quantityUnit]);
  protected readonly quantityUnits = quantityUnitOptions;
  protected readonly amountFields = amountFields;
  protected readonly currency = computed(() => this.fuelLog()?.currency ?? this.me()?.currency ?? 'USD');
  protected readonly currencySymbol = computed(() => currencySymbolOf(this.currency(), this.locale()));
  /** Said under the date when the profile's time zone is not this device's. */
  protected readonly zoneNote = computed(() => {
    const zone = this.timeZone();
    return zone && zone !== browserTimeZone() ? `In ${zone.replace(/_/g, ' ')}, your profile's time zone.` : undefined;
  });

  /** The amounts typed, the latest last; the third is worked out. */
  private readonly typedOrder = signal<AmountField[]>([]);
  protected readonly derived = computed(() => derivedField(this.typedOrder()));
  private lastDerived: AmountField | undefined;

  protected readonly moreOpen = signal(false);
  protected readonly saving = signal(false);
  protected readonly backLink = computed(() => {
    const vehicleId = this.fuelLog()?.vehicleId ?? this.vehicle();
    return vehicleId ? ['/vehicles', vehicleId, 'fuel'] : ['/fuel'];
  });
  protected readonly backLabel = computed(() => {
    const vehicleId = this.fuelLog()?.vehicleId ?? this.vehicle();
    return this.vehicleList().vehicles?.find((vehicle) => vehicle.id === vehicleId)?.displayName ?? 'Fuel';
  });
  private readonly submitted = signal(false);
  /** Fewer than two amounts, said once the user tried to save. */
  protected readonly amountsMissing = computed(() => {
    this.value();
    return this.submitted() && this.form.hasError('amounts');
  });

  constructor() {
    this.currentUser.ensureLoaded();
    this.form.controls.filledAt.setValue(wallTimeOf(new Date(), undefined));

    // Editing: the stored fill-up, in the profile's time zone once known (unless the user has begun).
    let shownLogId: string | undefined;
    effect(() => {
      const log = this.fuelLog();
      const timeZone = this.timeZone();
      if (!log) return;
      untracked(() => {
        if (log.id === shownLogId && this.form.dirty) return;
        shownLogId = log.id;
        this.form.reset(formValueOf(log, timeZone));
        this.form.controls.vehicleId.disable();
        this.typedOrder.set(editSeed);
        this.lastDerived = derivedField(editSeed);
        this.moreOpen.set(
          !!(log.fuelGrade || log.stationName || log.notes || log.quantityUnit !== this.me()?.volumeUnit),
        );
      });
    });

    // Logging: now, on the profile's clock, until the user picks another time.
    effect(() => {
      const timeZone = this.timeZone();
      if (this.fuelLog()) return;
      untracked(() => {
        const { filledAt } = this.form.controls;
        if (filledAt.pristine) filledAt.setValue(wallTimeOf(new Date(), timeZone));
      });
    });

    // The vehicle asked for, else the last one used here, else the first.
    effect(() => {
      const vehicles = this.vehicleList().vehicles;
      const asked = this.vehicle();
      if (!vehicles?.length || this.fuelLog()) return;
      untracked(() => {
        const { vehicleId } = this.form.controls;
        if (vehicleId.value) return;
        const usable = vehicles.filter((vehicle) => vehicle.status !== 'sold');
        const pick =
          [asked, lastVehicleId()].map((id) => vehicles.find((vehicle) => vehicle.id === id)).find(Boolean) ??
          usable[0] ??
          vehicles[0];
        vehicleId.setValue(pick.id);
      });
    });

    // A vehicle's own quantity unit (kWh for an electric one) and fuel, unless the user chose them.
    effect(() => {
      const vehicle = this.selected();
      const me = this.me();
      if (!vehicle || this.fuelLog()) return;
      untracked(() => {
        const { quantityUnit, fuelType } = this.form.controls;
        const electric = vehicle.fuelTypes.length === 1 && vehicle.fuelTypes[0] === 'electric';
        if (quantityUnit.pristine) quantityUnit.setValue(electric ? 'kwh' : (me?.volumeUnit ?? 'gal_us'));
        if (fuelType.pristine) fuelType.setValue(vehicle.fuelTypes[0] ?? null);
      });
    });
  }

  /** The user typed in an amount: the two typed last make the third. */
  protected typed(field: AmountField, event: Event): void {
    // Read from the input: the form control may hear of the same event after this listener.
    const typedText = (event.target as HTMLInputElement).value;
    const emptied = !typedText.trim();
    this.typedOrder.set(typedAfter(this.typedOrder(), field, emptied));
    const derived = this.derived();
    if (this.lastDerived && this.lastDerived !== derived && this.lastDerived !== field) {
      // It was worked out from an amount that is gone: it would pass for a typed one.
      this.form.controls[this.lastDerived].setValue('');
    }
    this.lastDerived = derived;
    if (!derived) return;
    const amounts: Amounts = {};
    for (const each of amountFields) {
      const value = parseDecimal(each === field ? typedText : this.form.controls[each].value, amountDecimals[each]);
      if (each !== derived && value !== undefined && !Number.isNaN(value)) amounts[each] = value;
    }
    const value = deriveAmount(derived, amounts);
    this.form.controls[derived].setValue(value === undefined ? '' : amountText(derived, value));
  }

  protected toggleMore(): void {
    this.moreOpen.update((open) => !open);
  }

  protected save(): void {
    this.form.markAllAsTouched();
    this.submitted.set(true);
    if (this.form.invalid) {
      this.focusFirstError();
      return;
    }
    if (this.saving()) return;
    const log = this.fuelLog();
    const value = this.form.getRawValue();
    const timeZone = this.timeZone();
    const { filledAt } = this.form.controls;
    // An untouched date is "now": the moment of saving, to the second.
    const when = filledAt.pristine ? (log ? undefined : new Date()) : instantOf(value.filledAt, timeZone);
    const amountsTouched = amountFields.some((field) => this.form.controls[field].dirty);
    const fields = fuelLogFieldsOf(value, log && !amountsTouched ? [] : this.sentAmounts(), when);
    this.saving.set(true);
    const request = log
      ? this.api.update(log.id, fields)
      : this.api.create({
          ...fields,
          vehicleId: value.vehicleId,
          filledAt: when!.toISOString(),
          odometer: fields.odometer!,
        });
    request
      .pipe(
        finalize(() => this.saving.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (saved) => {
          this.form.markAsPristine();
          rememberVehicle(saved.vehicleId);
          const summary = savedEntrySummary(saved, this.locale());
          this.snackBar.open(`${log ? 'Changes saved' : 'Fill-up saved'} · ${summary}`, undefined, { duration: 6000 });
          void this.router.navigate(['/vehicles', saved.vehicleId, 'fuel']);
        },
        error: (error: unknown) => this.showErrors(error),
      });
  }

  /** The two amounts typed last; all that are filled in when the user typed fewer (they agree). */
  private sentAmounts(): AmountField[] {
    const order = this.typedOrder();
    if (order.length === 2) return order;
    return amountFields.filter((field) => this.form.controls[field].value.trim() !== '');
  }

  private showErrors(error: unknown): void {
    const problem = problemOf(error);
    const odometerOrder = odometerOrderText(problem, this.odometerUnit(), this.locale(), this.timeZone());
    let unplaced = false;
    for (const fieldError of problem?.errors ?? []) {
      const field = formFieldOf(fieldError.field);
      if (!field) {
        unplaced = true;
        continue;
      }
      const message = field === 'odometer' && odometerOrder ? odometerOrder : fieldErrorText(field, fieldError.message);
      this.setServerError(field, message);
    }
    if (!problem?.errors?.length || unplaced) {
      this.snackBar.open(describeError(error, 'The fill-up could not be saved.'), 'Dismiss', { duration: 8000 });
    }
    this.focusFirstError();
  }

  private setServerError(field: FuelLogFormField, message: string): void {
    const control = this.form.controls[field];
    control.setErrors({ ...control.errors, server: message });
    control.markAsTouched();
    if (['fuelGrade', 'stationName', 'notes', 'quantityUnit'].includes(field)) this.moreOpen.set(true);
  }

  private focusFirstError(): void {
    afterNextRender(
      () => {
        const invalid = this.host.nativeElement.querySelector<HTMLElement>(
          '.mat-form-field-invalid input, .mat-form-field-invalid mat-select, .mat-form-field-invalid textarea, .amounts-error',
        );
        invalid?.focus();
      },
      { injector: this.injector },
    );
  }

  protected retry(): void {
    this.retries.update((count) => count + 1);
  }
}

/** "$" for USD in English; the code itself when the locale has no symbol for it. */
function currencySymbolOf(currency: string, locale: string | undefined): string {
  try {
    const parts = new Intl.NumberFormat(locale, { style: 'currency', currency }).formatToParts(0);
    return parts.find((part) => part.type === 'currency')?.value ?? currency;
  } catch {
    return currency;
  }
}
