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
import { MatOption, MatSelect } from '@angular/material/select';
import { MatSlideToggle } from '@angular/material/slide-toggle';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router } from '@angular/router';
import { AddVehicleFirst } from '../../../core/add-vehicle-first';
import { FormActions } from '../../../core/forms/form-actions';
import { FormPage } from '../../../core/forms/form-page';
import { formSaver } from '../../../core/forms/form-saver';
import { DocumentAttachments, attachmentFailureText } from '../../documents';
import { VehiclePickField } from '../../vehicles';
import { FillUpAmounts } from '../components/fill-up-amounts';
import { FillUpDetails } from '../components/fill-up-details';
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
    DocumentAttachments,
    FillUpAmounts,
    FillUpDetails,
    FormActions,
    FormPage,
    MatCard,
    MatError,
    MatFormField,
    MatHint,
    MatInput,
    MatLabel,
    MatOption,
    MatSelect,
    MatSlideToggle,
    MatSuffix,
    ReactiveFormsModule,
    VehiclePickField,
  ],
  providers: [{ provide: MAT_FORM_FIELD_DEFAULT_OPTIONS, useValue: { subscriptSizing: 'dynamic' } }],
  templateUrl: './fuel-log-form-page.html',
  styleUrl: './fuel-log-form-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FuelLogFormPage {
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);

  /** The fill-up being edited (resolved by the route); none when logging a new one. */
  readonly fuelLog = input<FuelLog>();
  /** `?vehicle=`: the vehicle to log for (from its Fuel tab). */
  readonly vehicle = input<string>();

  protected readonly model = new FuelLogFormModel({ fuelLog: this.fuelLog, askedVehicle: this.vehicle });
  protected readonly form = this.model.form;
  protected readonly saver = formSaver(this.model, 'The fill-up could not be saved.', '.amounts-error');
  private readonly backVehicleId = computed(() => this.fuelLog()?.vehicleId ?? this.vehicle());
  protected readonly backLink = computed(() => {
    const vehicleId = this.backVehicleId();
    return vehicleId ? ['/vehicles', vehicleId, 'fuel'] : ['/fuel'];
  });
  protected readonly backLabel = computed(
    () => this.model.vehicles.value()?.find((vehicle) => vehicle.id === this.backVehicleId())?.displayName ?? 'Fuel',
  );

  private readonly attachments = viewChild(DocumentAttachments);
  /** The fill-up's receipts: a new fill-up's files wait until it is saved. */
  protected readonly attachedTo = computed(() => {
    const id = this.fuelLog()?.id;
    return id ? { fuelLogId: id } : undefined;
  });
  /** Saved; its attachments are still on their way (leaving now would abort them). */
  protected readonly finishing = signal(false);

  protected save(): void {
    const editing = this.model.editing();
    this.saver.save((saved) => {
      rememberVehicle(saved.vehicleId);
      const summary = savedEntrySummary(saved, this.model.locale());
      const said = editing ? 'Changes saved' : 'Fill-up saved';
      void this.finish(saved, `${said} · ${summary}`);
    });
  }

  private async finish(saved: FuelLog, savedText: string): Promise<void> {
    this.finishing.set(true);
    const outcome = await this.attachments()?.finish({ fuelLogId: saved.id });
    this.finishing.set(false);
    const failure = outcome && attachmentFailureText(outcome);
    if (failure) {
      this.snackBar
        .open(`${savedText}. ${failure}`, 'Edit fill-up', { duration: 12_000 })
        .onAction()
        .subscribe(() => void this.router.navigate(['/fuel', saved.id, 'edit']));
    } else {
      this.snackBar.open(savedText, undefined, { duration: 6000 });
    }
    void this.router.navigate(['/vehicles', saved.vehicleId, 'fuel']);
  }
}
