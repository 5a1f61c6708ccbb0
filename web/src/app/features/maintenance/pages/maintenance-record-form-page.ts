import { ChangeDetectionStrategy, Component, computed, inject, input, signal, viewChild } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatCard } from '@angular/material/card';
import {
  MAT_FORM_FIELD_DEFAULT_OPTIONS,
  MatError,
  MatFormField,
  MatHint,
  MatLabel,
  MatSuffix,
} from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router } from '@angular/router';
import { AddVehicleFirst } from '../../../core/add-vehicle-first';
import { FormActions } from '../../../core/forms/form-actions';
import { FormPage } from '../../../core/forms/form-page';
import { formSaver } from '../../../core/forms/form-saver';
import { DocumentAttachments, attachmentFailureText } from '../../documents';
import { VehiclePickField } from '../../vehicles';
import { RecordCategoryField } from '../components/record-category-field';
import { RecordParts } from '../components/record-parts';
import { RecordTagsField } from '../components/record-tags-field';
import { RecordTotals } from '../components/record-totals';
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
    AddVehicleFirst,
    DocumentAttachments,
    FormActions,
    FormPage,
    MatCard,
    MatError,
    MatFormField,
    MatHint,
    MatInput,
    MatLabel,
    MatSuffix,
    ReactiveFormsModule,
    RecordCategoryField,
    RecordParts,
    RecordTagsField,
    RecordTotals,
    VehiclePickField,
  ],
  providers: [{ provide: MAT_FORM_FIELD_DEFAULT_OPTIONS, useValue: { subscriptSizing: 'dynamic' } }],
  templateUrl: './maintenance-record-form-page.html',
  styleUrl: './maintenance-record-form-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MaintenanceRecordFormPage {
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);

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
  protected readonly saver = formSaver(this.model, 'The service record could not be saved.', '.parts-error');
  private readonly backVehicleId = computed(() => this.record()?.vehicleId ?? this.vehicleId());
  protected readonly backLink = computed(() => {
    const vehicleId = this.backVehicleId();
    return vehicleId ? ['/vehicles', vehicleId, 'service'] : ['/vehicles'];
  });
  protected readonly backLabel = computed(
    () => this.model.vehicles.value()?.find((vehicle) => vehicle.id === this.backVehicleId())?.displayName ?? 'Garage',
  );

  private readonly attachments = viewChild(DocumentAttachments);
  /** The record's attachments: a new record's files wait until it is saved. */
  protected readonly attachedTo = computed(() => {
    const id = this.record()?.id;
    return id ? { maintenanceRecordId: id } : undefined;
  });
  /** Saved; its attachments are still on their way (leaving now would abort them). */
  protected readonly finishing = signal(false);

  protected save(): void {
    const editing = this.model.editing();
    const completing = this.model.completing();
    this.saver.save((saved) => {
      const total =
        saved.totalCost === null ? '' : ` · ${formatMoney(saved.totalCost, saved.currency, this.model.locale())}`;
      const savedText = editing ? 'Changes saved' : completing ? 'Done: service record saved' : 'Service record saved';
      void this.finish(saved, `${savedText}${total}`);
    });
  }

  private async finish(saved: MaintenanceRecord, savedText: string): Promise<void> {
    this.finishing.set(true);
    const outcome = await this.attachments()?.finish({ maintenanceRecordId: saved.id });
    this.finishing.set(false);
    const failure = outcome && attachmentFailureText(outcome);
    if (failure) {
      this.snackBar
        .open(`${savedText}. ${failure}`, 'Edit record', { duration: 12_000 })
        .onAction()
        .subscribe(() => void this.router.navigate(['/service', saved.id, 'edit']));
    } else {
      this.snackBar.open(savedText, undefined, { duration: 6000 });
    }
    void this.router.navigate(['/vehicles', saved.vehicleId, 'service']);
  }
}
