import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatStepperNext } from '@angular/material/stepper';
import { Vehicle } from '../../vehicles';
import { importFormatKeys, importFormats } from '../data/import-formats';
import { ImportWizard } from '../data/import-wizard';

/** Step 1: the app the file comes from (with which file to pick) and, optionally, the vehicle it is for. */
@Component({
  selector: 'mvp-format-step',
  imports: [
    MatButton,
    MatFormField,
    MatHint,
    MatLabel,
    MatOption,
    MatRadioButton,
    MatRadioGroup,
    MatSelect,
    MatStepperNext,
  ],
  template: `
    <p class="intro" id="format-intro">Which app is the file from?</p>
    <mat-radio-group
      class="formats"
      aria-labelledby="format-intro"
      [value]="wizard.format()"
      (change)="wizard.chooseFormat($event.value)"
    >
      @for (format of formats; track format) {
        <mat-radio-button [value]="format" [attr.aria-describedby]="'format-hint-' + format">
          <span class="label">{{ info[format].label }}</span>
          <span class="hint" [id]="'format-hint-' + format">{{ info[format].file }}</span>
        </mat-radio-button>
      }
    </mat-radio-group>
    <mat-form-field class="vehicle">
      <mat-label>Import into</mat-label>
      <mat-select [value]="wizard.vehicleId()" (selectionChange)="wizard.chooseVehicle($event.value)">
        <mat-option value="">The vehicles the file names</mat-option>
        @for (vehicle of vehicles(); track vehicle.id) {
          <mat-option [value]="vehicle.id">{{ vehicle.displayName }}</mat-option>
        }
      </mat-select>
      <mat-hint>{{ vehicleHint() }}</mat-hint>
    </mat-form-field>
    <div class="actions">
      <button mat-flat-button type="button" matStepperNext [disabled]="!wizard.format()">Next</button>
    </div>
  `,
  styleUrl: './import-step.scss',
  styles: `
    .formats {
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    .label {
      display: block;
      font: var(--mat-sys-title-small);
    }
    .hint {
      display: block;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .vehicle {
      max-width: 420px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FormatStep {
  readonly vehicles = input.required<Vehicle[]>();

  protected readonly wizard = inject(ImportWizard);
  protected readonly formats = importFormatKeys;
  protected readonly info = importFormats;
  protected readonly vehicleHint = computed(() => {
    const format = this.wizard.format();
    return format && !importFormats[format].namesVehicles
      ? 'Pick one unless the file has a vehicle column: this file names no vehicle by itself.'
      : 'Records the file names a vehicle for go to your vehicle of that name, or a new one.';
  });
}
