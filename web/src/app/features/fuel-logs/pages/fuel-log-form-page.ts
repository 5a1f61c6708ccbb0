import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { ReactiveFormsModule } from '@angular/forms';
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
import { MatSlideToggle } from '@angular/material/slide-toggle';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import { finalize } from 'rxjs';
import { firstErrorFocuser } from '../../../core/forms/focus-first-error';
import { LoadProblem } from '../../../core/loading/load-problem';
import { LoadProgress } from '../../../core/loading/load-progress';
import { describeError } from '../../../core/problem';
import { AddVehicleFirst } from '../components/add-vehicle-first';
import { FillUpAmounts } from '../components/fill-up-amounts';
import { FillUpDetails } from '../components/fill-up-details';
import { FillUpVehicleField } from '../components/fill-up-vehicle-field';
import { FuelLog } from '../data/fuel-log';
import { FuelLogFormModel } from '../data/fuel-log-form-model';
import { savedEntrySummary } from '../data/fuel-format';
import { rememberVehicle } from '../data/last-vehicle';

/**
 * Log a fill-up (`/fuel/new`, `?vehicle=` preselects one) or edit one (`/fuel/:id/edit`, with the
 * resolved `fuelLog`). Made for a phone at the pump: the last vehicle, now, and the full-tank switch
 * are already set; any two amounts fill in the third. The rules live in `FuelLogFormModel`.
 */
@Component({
  selector: 'mvp-fuel-log-form-page',
  imports: [
    AddVehicleFirst,
    FillUpAmounts,
    FillUpDetails,
    FillUpVehicleField,
    LoadProblem,
    LoadProgress,
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
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  private readonly destroyRef = inject(DestroyRef);

  /** The fill-up being edited (resolved by the route); none when logging a new one. */
  readonly fuelLog = input<FuelLog>();
  /** `?vehicle=`: the vehicle to log for (from its Fuel tab). */
  readonly vehicle = input<string>();

  protected readonly model = new FuelLogFormModel({ fuelLog: this.fuelLog, askedVehicle: this.vehicle });
  protected readonly form = this.model.form;
  protected readonly saving = signal(false);
  private readonly focusFirstError = firstErrorFocuser('.amounts-error');
  private readonly backVehicleId = computed(() => this.fuelLog()?.vehicleId ?? this.vehicle());
  protected readonly backLink = computed(() => {
    const vehicleId = this.backVehicleId();
    return vehicleId ? ['/vehicles', vehicleId, 'fuel'] : ['/fuel'];
  });
  protected readonly backLabel = computed(
    () => this.model.vehicles.value()?.find((vehicle) => vehicle.id === this.backVehicleId())?.displayName ?? 'Fuel',
  );

  protected save(): void {
    if (!this.model.validate()) {
      this.focusFirstError();
      return;
    }
    if (this.saving()) return;
    const editing = this.model.editing();
    this.saving.set(true);
    this.model
      .request()
      .pipe(
        finalize(() => this.saving.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (saved) => {
          this.form.markAsPristine();
          rememberVehicle(saved.vehicleId);
          const summary = savedEntrySummary(saved, this.model.locale());
          const said = editing ? 'Changes saved' : 'Fill-up saved';
          this.snackBar.open(`${said} · ${summary}`, undefined, { duration: 6000 });
          void this.router.navigate(['/vehicles', saved.vehicleId, 'fuel']);
        },
        error: (error: unknown) => {
          if (!this.model.placeErrors(error)) {
            this.snackBar.open(describeError(error, 'The fill-up could not be saved.'), 'Dismiss', { duration: 8000 });
          }
          this.focusFirstError();
        },
      });
  }
}
