import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { FormArray, FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel, MatPrefix } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { PartRow } from '../data/maintenance-record-form';

/** The record's parts as rows: name, part number, quantity, unit cost and the line total; add and remove. */
@Component({
  selector: 'mvp-record-parts',
  imports: [
    MatButton,
    MatError,
    MatFormField,
    MatIcon,
    MatIconButton,
    MatInput,
    MatLabel,
    MatPrefix,
    ReactiveFormsModule,
  ],
  templateUrl: './record-parts.html',
  styleUrl: './record-parts.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RecordParts {
  readonly parts = input.required<FormArray<PartRow>>();
  /** Per row, "$40.46", or undefined while its amounts are incomplete. */
  readonly lineTotals = input.required<(string | undefined)[]>();
  readonly currencySymbol = input.required<string>();
  readonly added = output();
  readonly removed = output<number>();

  /** The sentence under an amount: the API's own words, else what the field takes. */
  protected amountError(control: FormControl<string>, limits: string): string {
    const server = control.getError('server') as string | undefined;
    if (server) return server;
    if (control.hasError('required')) return 'Required.';
    if (control.hasError('number')) return 'Enter a number.';
    if (control.hasError('max')) return 'Too large.';
    return limits;
  }
}
