import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatError, MatFormField, MatHint, MatLabel, MatPrefix, MatSuffix } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { AmountField, amountFields } from '../data/fill-amounts';
import { perUnitWords } from '../data/fill-up-defaults';
import { FuelLogForm } from '../data/fuel-log-form';
import { quantityUnitLabels } from '../data/fuel-format';
import { QuantityUnit } from '../data/fuel-log';

/** An amount the user typed: the field and its text as the input holds it. */
export interface TypedAmount {
  field: AmountField;
  text: string;
}

/** Quantity, price and total side by side; the one worked out from the other two says so. */
@Component({
  selector: 'mvp-fill-up-amounts',
  imports: [MatError, MatFormField, MatHint, MatIcon, MatInput, MatLabel, MatPrefix, MatSuffix, ReactiveFormsModule],
  templateUrl: './fill-up-amounts.html',
  styleUrl: './fill-up-amounts.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FillUpAmounts {
  readonly form = input.required<FuelLogForm>();
  readonly quantityUnit = input.required<QuantityUnit>();
  readonly currencySymbol = input.required<string>();
  /** The field worked out from the other two, if any. */
  readonly derived = input<AmountField>();
  /** Fewer than two amounts, once the user tried to save. */
  readonly missing = input(false);
  readonly typed = output<TypedAmount>();

  protected readonly fields = amountFields;
  protected readonly unitLabel = computed(() => quantityUnitLabels[this.quantityUnit()]);
  protected readonly perUnitWord = computed(() => perUnitWords[this.quantityUnit()]);

  protected onInput(field: AmountField, event: Event): void {
    // Read from the input: the form control may hear of the same event after this listener.
    this.typed.emit({ field, text: (event.target as HTMLInputElement).value });
  }
}
