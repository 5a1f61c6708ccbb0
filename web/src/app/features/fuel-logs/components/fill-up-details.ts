import { ChangeDetectionStrategy, Component, input, model } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { StationPicker } from '../../stations';
import { FuelLogForm } from '../data/fuel-log-form';
import { quantityUnitOptions } from '../data/fuel-format';

/** "More details": grade, station (the stations feature's picker), quantity unit and notes, folded away until asked for. */
@Component({
  selector: 'mvp-fill-up-details',
  imports: [
    MatButton,
    MatError,
    MatFormField,
    MatIcon,
    MatInput,
    MatLabel,
    MatOption,
    MatSelect,
    ReactiveFormsModule,
    StationPicker,
  ],
  templateUrl: './fill-up-details.html',
  styleUrl: './fill-up-details.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FillUpDetails {
  readonly form = input.required<FuelLogForm>();
  readonly open = model(false);

  protected readonly quantityUnits = quantityUnitOptions;

  protected toggle(): void {
    this.open.update((open) => !open);
  }
}
