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
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import { finalize } from 'rxjs';
import { firstErrorFocuser } from '../../../core/forms/focus-first-error';
import { LoadProblem } from '../../../core/loading/load-problem';
import { LoadProgress } from '../../../core/loading/load-progress';
import { describeError } from '../../../core/problem';
import { RecordCategoryField } from '../components/record-category-field';
import { RecordParts } from '../components/record-parts';
import { RecordTagsField } from '../components/record-tags-field';
import { RecordTotals } from '../components/record-totals';
import { RecordVehicleField } from '../components/record-vehicle-field';
import { MaintenanceRecord } from '../data/maintenance-record';
import { MaintenanceRecordFormModel } from '../data/maintenance-record-form-model';
import { formatMoney } from '../data/maintenance-format';

/**
 * Add a service record (`/service/new`, filled in from `?vehicleId=&category=&title=`, with
 * `reminderId` kept) or edit one (`/service/:id/edit`, with the resolved `record`). The rules live
 * in `MaintenanceRecordFormModel`.
 */
@Component({
  selector: 'mvp-maintenance-record-form-page',
  imports: [
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
    MatSuffix,
    ReactiveFormsModule,
    RecordCategoryField,
    RecordParts,
    RecordTagsField,
    RecordTotals,
    RecordVehicleField,
    RouterLink,
  ],
  providers: [{ provide: MAT_FORM_FIELD_DEFAULT_OPTIONS, useValue: { subscriptSizing: 'dynamic' } }],
  templateUrl: './maintenance-record-form-page.html',
  styleUrl: './maintenance-record-form-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MaintenanceRecordFormPage {
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  private readonly destroyRef = inject(DestroyRef);

  /** The record being edited (resolved by the route); none when adding one. */
  readonly record = input<MaintenanceRecord>();
  /** Query parameters another screen may open the form with (`recordFormLink`). */
  readonly vehicleId = input<string>();
  readonly category = input<string>();
  readonly title = input<string>();
  readonly reminderId = input<string>();

  protected readonly model = new MaintenanceRecordFormModel({
    record: this.record,
    prefill: computed(() => ({
      vehicleId: this.vehicleId(),
      category: this.category(),
      title: this.title(),
      reminderId: this.reminderId(),
    })),
  });
  protected readonly form = this.model.form;
  protected readonly saving = signal(false);
  private readonly focusFirstError = firstErrorFocuser('.parts-error');
  private readonly backVehicleId = computed(() => this.record()?.vehicleId ?? this.vehicleId());
  protected readonly backLink = computed(() => {
    const vehicleId = this.backVehicleId();
    return vehicleId ? ['/vehicles', vehicleId, 'service'] : ['/vehicles'];
  });
  protected readonly backLabel = computed(
    () => this.model.vehicles.value()?.find((vehicle) => vehicle.id === this.backVehicleId())?.displayName ?? 'Garage',
  );

  protected save(): void {
    if (!this.model.validate()) {
      this.focusFirstError();
      return;
    }
    if (this.saving()) return;
    const editing = this.model.editing();
    const completing = this.model.completing();
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
          const total =
            saved.totalCost === null ? '' : ` · ${formatMoney(saved.totalCost, saved.currency, this.model.locale())}`;
          const savedText = editing
            ? 'Changes saved'
            : completing
              ? 'Done: service record saved'
              : 'Service record saved';
          this.snackBar.open(`${savedText}${total}`, undefined, {
            duration: 6000,
          });
          void this.router.navigate(['/vehicles', saved.vehicleId, 'service']);
        },
        error: (error: unknown) => {
          if (!this.model.placeErrors(error)) {
            this.snackBar.open(describeError(error, 'The service record could not be saved.'), 'Dismiss', {
              duration: 8000,
            });
          }
          this.focusFirstError();
        },
      });
  }
}
