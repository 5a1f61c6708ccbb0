import { COMMA, ENTER } from '@angular/cdk/keycodes';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatChipGrid, MatChipInput, MatChipInputEvent, MatChipRemove, MatChipRow } from '@angular/material/chips';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { maxTagLength, maxTags, withTag } from '../data/maintenance-record-form';

/** The record's tags as chips: typed one at a time, ended by Enter or a comma. */
@Component({
  selector: 'mvp-record-tags-field',
  imports: [
    MatChipGrid,
    MatChipInput,
    MatChipRemove,
    MatChipRow,
    MatError,
    MatFormField,
    MatHint,
    MatIcon,
    MatLabel,
    ReactiveFormsModule,
  ],
  template: `
    @let tags = control();
    <mat-form-field>
      <mat-label>Tags</mat-label>
      <mat-chip-grid #grid [formControl]="tags">
        @for (tag of tags.value; track tag) {
          <mat-chip-row (removed)="remove(tag)">
            {{ tag }}
            <button matChipRemove type="button" [attr.aria-label]="'Remove tag ' + tag">
              <mat-icon aria-hidden="true">cancel</mat-icon>
            </button>
          </mat-chip-row>
        }
        <input
          [placeholder]="tags.value.length < maxTags ? 'Add a tag' : ''"
          [attr.maxlength]="maxTagLength"
          [matChipInputFor]="grid"
          [matChipInputSeparatorKeyCodes]="separators"
          [matChipInputAddOnBlur]="true"
          [disabled]="tags.value.length >= maxTags"
          (matChipInputTokenEnd)="add($event)"
        />
      </mat-chip-grid>
      @if (tags.getError('server'); as message) {
        <mat-error>{{ message }}</mat-error>
      }
      <mat-hint>{{ tags.value.length < maxTags ? 'Enter or comma after each' : 'At most 20 tags' }}</mat-hint>
    </mat-form-field>
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RecordTagsField {
  readonly control = input.required<FormControl<string[]>>();

  protected readonly maxTags = maxTags;
  protected readonly maxTagLength = maxTagLength;
  protected readonly separators = [ENTER, COMMA];

  protected add(event: MatChipInputEvent): void {
    this.change(withTag(this.control().value, event.value));
    event.chipInput.clear();
  }

  protected remove(tag: string): void {
    this.change(this.control().value.filter((each) => each !== tag));
  }

  private change(tags: string[]): void {
    const control = this.control();
    if (tags.length === control.value.length && tags.every((tag, index) => tag === control.value[index])) return;
    control.setValue(tags);
    control.markAsDirty();
  }
}
