import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  Injector,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { AbstractControl, NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCard } from '@angular/material/card';
import {
  MAT_FORM_FIELD_DEFAULT_OPTIONS,
  MatError,
  MatFormField,
  MatHint,
  MatLabel,
  MatSuffix,
} from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import { filter, finalize, map, switchMap, take } from 'rxjs';
import { CurrentUser } from '../../../core/auth/current-user';
import { firstErrorFocuser } from '../../../core/forms/focus-first-error';
import { describeError, problemOf } from '../../../core/problem';
import { IdentityFields } from '../components/identity-fields';
import { VinField } from '../components/vin-field';
import { CatalogCascade } from '../data/catalog-cascade';
import { FuelType, Vehicle, VehicleType, VinDecode } from '../data/vehicle';
import {
  IdentityText,
  VehicleFormField,
  createVehicleForm,
  fieldErrorText,
  formFieldOf,
  formValueOf,
  identityFields,
  normaliseVin,
  vehicleInputOf,
} from '../data/vehicle-form';
import { fuelTypeOptions, odometerUnitOptions, statusOptions, tankCapacityUnitOptions } from '../data/vehicle-options';
import { VehiclesApi } from '../data/vehicles-api';

/** Add a vehicle (`/vehicles/new`) or edit one (`/vehicles/:id/edit`, with the resolved `vehicle`). */
@Component({
  selector: 'mvp-vehicle-form-page',
  imports: [
    IdentityFields,
    MatButton,
    MatCard,
    MatError,
    MatFormField,
    MatHint,
    MatIcon,
    MatInput,
    MatLabel,
    MatOption,
    MatSelect,
    MatSuffix,
    ReactiveFormsModule,
    RouterLink,
    VinField,
  ],
  // Hints and errors take the room they need (a VIN's check-digit message wraps on a phone).
  providers: [{ provide: MAT_FORM_FIELD_DEFAULT_OPTIONS, useValue: { subscriptSizing: 'dynamic' } }],
  templateUrl: './vehicle-form-page.html',
  styleUrl: './vehicle-form-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class VehicleFormPage {
  private readonly api = inject(VehiclesApi);
  private readonly currentUser = inject(CurrentUser);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  private readonly injector = inject(Injector);
  private readonly destroyRef = inject(DestroyRef);

  /** The vehicle being edited; none when adding. */
  readonly vehicle = input<Vehicle>();

  protected readonly form = createVehicleForm(inject(NonNullableFormBuilder));
  private readonly identityText = toSignal(this.form.valueChanges.pipe(map(() => identityOf(this.form))), {
    initialValue: identityOf(this.form),
  });
  protected readonly cascade = new CatalogCascade(this.identityText);

  protected readonly fuelTypes = fuelTypeOptions;
  protected readonly odometerUnits = odometerUnitOptions;
  protected readonly tankUnits = tankCapacityUnitOptions;
  protected readonly statuses = statusOptions;

  protected readonly saving = signal(false);
  private readonly focusFirstError = firstErrorFocuser();
  protected readonly editing = computed(() => !!this.vehicle());
  protected readonly heading = computed(() => {
    const vehicle = this.vehicle();
    return vehicle ? `Edit ${vehicle.displayName}` : 'Add vehicle';
  });
  protected readonly backLink = computed(() => {
    const vehicle = this.vehicle();
    return vehicle ? ['/vehicles', vehicle.id] : ['/vehicles'];
  });
  protected readonly backLabel = computed(() => this.vehicle()?.displayName ?? 'Garage');
  protected readonly currency = computed(() => this.currentUser.me()?.currency);

  /** Fields the form filled in itself (from the catalog or a VIN), which it may fill in again. */
  private readonly autoFilled = new Set<VehicleFormField>();

  constructor() {
    this.currentUser.ensureLoaded();

    effect(() => {
      const vehicle = this.vehicle();
      if (vehicle) untracked(() => this.form.reset(formValueOf(vehicle)));
    });

    // A new vehicle counts in the user's units until they choose others.
    effect(() => {
      const me = this.currentUser.me();
      if (!me || this.vehicle()) return;
      untracked(() => {
        const { odometerUnit, tankCapacityUnit } = this.form.controls;
        if (odometerUnit.pristine) odometerUnit.setValue(me.distanceUnit);
        if (tankCapacityUnit.pristine && tankCapacityUnit.value === null) tankCapacityUnit.setValue(me.volumeUnit);
      });
    });

    // The catalog's vehicle type and fuel for what was picked, unless the user chose their own.
    effect(() => {
      const model = this.cascade.model();
      if (model) untracked(() => this.fill('vehicleType', model.vehicleType));
    });
    effect(() => {
      const fuel = this.cascade.engine()?.fuelTypes ?? [];
      if (fuel.length) untracked(() => this.fill('fuelTypes', fuel));
    });
  }

  /** Fills the form from a decoded VIN: it names the vehicle, so it replaces what was there. */
  protected applyDecode(decode: VinDecode): void {
    const { controls } = this.form;
    const identity: Partial<IdentityText> = {
      year: decode.modelYear?.toString() ?? controls.year.value,
      make: decode.make?.name ?? controls.make.value,
      model: decode.model?.name ?? controls.model.value,
      trim: decode.trim?.name ?? '',
      engine: decode.engine?.name ?? '',
    };
    for (const field of identityFields) {
      controls[field].setValue(identity[field] ?? '');
      controls[field].markAsDirty();
    }
    if (decode.vehicleType) this.fill('vehicleType', decode.vehicleType, true);
    if (decode.fuelTypes.length) this.fill('fuelTypes', decode.fuelTypes, true);
  }

  protected save(): void {
    this.form.markAllAsTouched();
    this.requireNames();
    if (this.form.invalid) {
      this.focusFirstError();
      return;
    }
    if (this.saving()) return;
    this.saving.set(true);
    const vehicle = this.vehicle();
    // Ids follow the text once the catalog lists for it are in: wait for any still loading.
    toObservable(this.cascade.loading, { injector: this.injector })
      .pipe(
        filter((loading) => !loading),
        take(1),
        switchMap(() => {
          const identityChanged = !vehicle || identityFields.some((field) => this.form.controls[field].dirty);
          const input = vehicleInputOf(this.form.getRawValue(), this.cascade.ids(), identityChanged);
          return vehicle ? this.api.update(vehicle.id, input) : this.api.create(input);
        }),
        finalize(() => this.saving.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (saved) => {
          this.form.markAsPristine();
          this.snackBar.open(vehicle ? 'Changes saved' : `“${saved.displayName}” added to your garage`, undefined, {
            duration: 4000,
          });
          void this.router.navigate(vehicle ? ['/vehicles', saved.id] : ['/vehicles']);
        },
        error: (error: unknown) => this.showErrors(error),
      });
  }

  /** Sets a field the user has not touched; `force` (a VIN decode) replaces whatever is there. */
  private fill(field: 'vehicleType', value: VehicleType, force?: boolean): void;
  private fill(field: 'fuelTypes', value: FuelType[], force?: boolean): void;
  private fill(field: 'vehicleType' | 'fuelTypes', value: VehicleType | FuelType[], force = false): void {
    const control: AbstractControl<unknown> = this.form.controls[field];
    const empty = control.value === null || (Array.isArray(control.value) && control.value.length === 0);
    if (force || (control.pristine && (empty || this.autoFilled.has(field)))) {
      control.setValue(value);
      this.autoFilled.add(field);
    }
  }

  /** Make and model, unless a new vehicle's VIN can fill them in. */
  private requireNames(): void {
    const { make, model, vin } = this.form.controls;
    if (!this.vehicle() && normaliseVin(vin.value)) return;
    for (const control of [make, model]) {
      if (!control.value.trim()) control.setErrors({ ...control.errors, required: true });
    }
  }

  private showErrors(error: unknown): void {
    const problem = problemOf(error);
    let unplaced = false;
    for (const fieldError of problem?.errors ?? []) {
      const field = formFieldOf(fieldError.field);
      const control = field ? this.form.controls[field] : undefined;
      if (field && control) {
        control.setErrors({ ...control.errors, server: fieldErrorText(field, fieldError.message) });
        control.markAsTouched();
      } else {
        unplaced = true;
      }
    }
    if (!problem?.errors?.length || unplaced) {
      this.snackBar.open(describeError(error, 'The vehicle could not be saved.'), 'Dismiss', { duration: 8000 });
    }
    this.focusFirstError();
  }
}

function identityOf(form: ReturnType<typeof createVehicleForm>): IdentityText {
  const { year, make, model, trim, engine } = form.getRawValue();
  return { year, make, model, trim, engine };
}
