import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  linkedSignal,
  output,
  signal,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { CurrentUser } from '../../../core/auth/current-user';
import { Vehicle } from '../../vehicles';
import { ImportJob } from '../data/import-job';
import { importFormats } from '../data/import-formats';
import { ImportWizard } from '../data/import-wizard';
import { badLines } from '../data/preview-rows';
import { PreviewTable } from './preview-table';
import { StepProblemBox } from './step-problem-box';
import { VehicleMatches } from './vehicle-matches';

/**
 * Step 4: what the API read. The lines, the records as they will be saved with the bad lines among
 * them, every bad line, the vehicles the file names; then the import, all or nothing.
 */
@Component({
  selector: 'mvp-preview-step',
  imports: [
    MatButton,
    MatCheckbox,
    MatFormField,
    MatLabel,
    MatOption,
    MatProgressBar,
    MatSelect,
    PreviewTable,
    StepProblemBox,
    VehicleMatches,
  ],
  templateUrl: './preview-step.html',
  styleUrl: './import-step.scss',
  styles: `
    .counts {
      margin: 0;
      font: var(--mat-sys-title-medium);
    }
    h3 {
      margin: 0;
      font: var(--mat-sys-title-small);
    }
    .bad-lines {
      margin: 0;
      padding-left: 20px;
      color: var(--mat-sys-error);
    }
    .vehicle {
      max-width: 420px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PreviewStep {
  readonly job = input.required<ImportJob>();
  readonly vehicles = input.required<Vehicle[]>();
  /** The records are in: the result is in the wizard's `commit`. */
  readonly imported = output();

  protected readonly wizard = inject(ImportWizard);
  private readonly me = inject(CurrentUser).me;
  protected readonly format = computed(() => ({ locale: this.me()?.locale, timeZone: this.me()?.timeZone }));
  protected readonly skipBadRows = signal(false);
  /** Where records the file does not place go: needed when the file names no vehicle. */
  protected readonly vehicleId = linkedSignal(() => this.job().vehicleId ?? this.wizard.vehicleId());
  protected readonly needsVehicle = computed(
    () => !importFormats[this.job().format].namesVehicles && this.job().vehicles.length === 0 && !this.job().vehicleId,
  );
  protected readonly badLines = computed(() => badLines(this.job().errors));
  /** Records read (a vehicle the file describes is one), bad lines aside. */
  protected readonly goodLines = computed(() => this.job().rows - this.job().errorCount);
  protected readonly canImport = computed(
    () =>
      this.goodLines() > 0 &&
      (this.job().errorCount === 0 || this.skipBadRows()) &&
      (!this.needsVehicle() || !!this.vehicleId()) &&
      !this.wizard.commit().running,
  );

  protected plural(count: number, one: string, many: string): string {
    return `${count.toLocaleString(this.me()?.locale)} ${count === 1 ? one : many}`;
  }

  protected async importFile(): Promise<void> {
    if (this.needsVehicle()) this.wizard.vehicleId.set(this.vehicleId());
    if (await this.wizard.confirm(this.skipBadRows(), this.needsVehicle() ? this.vehicleId() : '')) {
      this.imported.emit();
    }
  }
}
