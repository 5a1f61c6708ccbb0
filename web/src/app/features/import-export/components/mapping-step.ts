import { ChangeDetectionStrategy, Component, computed, effect, inject, output, signal, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatAutocomplete, MatAutocompleteTrigger } from '@angular/material/autocomplete';
import { MatButton } from '@angular/material/button';
import { MatButtonToggle, MatButtonToggleGroup } from '@angular/material/button-toggle';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { map } from 'rxjs';
import { CurrentUser } from '../../../core/auth/current-user';
import {
  MappedField,
  MappedRecords,
  columnMappingOf,
  commonDatePatterns,
  fieldLabels,
  guessedColumns,
  mappedFields,
  requiredFields,
  unmappedRequired,
} from '../data/column-mapping';
import { ImportDistanceUnit, ImportVolumeUnit } from '../data/import-job';
import { ImportWizard } from '../data/import-wizard';
import { UploadProgress } from './upload-progress';

const allFields = [...new Set<MappedField>([...mappedFields['fill-up'], ...mappedFields.service])];

/**
 * Step 3, a generic CSV only: which of the file's columns holds what, how its dates and numbers
 * are written, its units and currency. Uploading sends all of it before the file.
 */
@Component({
  selector: 'mvp-mapping-step',
  imports: [
    MatAutocomplete,
    MatAutocompleteTrigger,
    MatButton,
    MatButtonToggle,
    MatButtonToggleGroup,
    MatCheckbox,
    MatError,
    MatFormField,
    MatHint,
    MatLabel,
    MatInput,
    MatOption,
    MatSelect,
    ReactiveFormsModule,
    UploadProgress,
  ],
  templateUrl: './mapping-step.html',
  styleUrls: ['./import-step.scss', './mapping-step.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MappingStep {
  /** The file is uploaded with its mapping and read: the preview is ready. */
  readonly uploaded = output();

  protected readonly wizard = inject(ImportWizard);
  private readonly currentUser = inject(CurrentUser);
  private readonly forms = inject(NonNullableFormBuilder);

  protected readonly form = this.forms.group({
    records: this.forms.control<MappedRecords>('fill-up'),
    columns: new FormGroup(
      Object.fromEntries(allFields.map((field) => [field, new FormControl('', { nonNullable: true })])) as Record<
        MappedField,
        FormControl<string>
      >,
    ),
    dateFormat: this.forms.control('yyyy-MM-dd'),
    decimalComma: this.forms.control(false),
    distanceUnit: this.forms.control<ImportDistanceUnit>('km'),
    volumeUnit: this.forms.control<ImportVolumeUnit>('l'),
    currency: this.forms.control(''),
  });
  protected readonly labels = fieldLabels;
  protected readonly datePatterns = commonDatePatterns;
  protected readonly value = toSignal(this.form.valueChanges.pipe(map(() => this.form.getRawValue())), {
    initialValue: this.form.getRawValue(),
  });
  protected readonly fields = computed(() => mappedFields[this.value().records]);
  protected readonly required = computed(() => new Set<MappedField>(requiredFields[this.value().records]));
  /** Set by the first "Upload and preview": from then on the fields still needed are named. */
  protected readonly tried = signal(false);
  protected readonly missing = computed(() => (this.tried() ? unmappedRequired(this.value()) : []));

  constructor() {
    effect(() => {
      const header = this.wizard.header();
      if (header) untracked(() => this.guess(header));
    });
    effect(() => {
      const me = this.currentUser.me();
      if (me && !this.form.controls.currency.value) {
        untracked(() =>
          this.form.patchValue({ distanceUnit: me.distanceUnit, volumeUnit: me.volumeUnit, currency: me.currency }),
        );
      }
    });
  }

  protected readonly labelOf = (field: MappedField) => fieldLabels[field];

  protected guess(header: readonly string[]): void {
    const guessed = guessedColumns(header, this.form.controls.records.value);
    this.form.controls.columns.setValue(
      Object.fromEntries(allFields.map((field) => [field, guessed[field] ?? ''])) as Record<MappedField, string>,
    );
  }

  protected async upload(): Promise<void> {
    this.tried.set(true);
    const value = this.form.getRawValue();
    if (unmappedRequired(value).length || !value.dateFormat.trim()) return;
    const sent = await this.wizard.send({
      mapping: columnMappingOf(value),
      decimalComma: value.decimalComma,
      distanceUnit: value.distanceUnit,
      volumeUnit: value.records === 'fill-up' ? value.volumeUnit : undefined,
      currency: value.currency.trim().toUpperCase() || undefined,
    });
    if (sent) this.uploaded.emit();
  }
}
