import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';

/** The end of a form page's form: Cancel (back where it came from) and the submit button. */
@Component({
  selector: 'mvp-form-actions',
  imports: [MatButton, RouterLink],
  template: `
    <a mat-button [routerLink]="cancelLink()">Cancel</a>
    <button mat-flat-button type="submit" class="save" [disabled]="saving()">
      {{ saving() ? 'Saving…' : saveLabel() }}
    </button>
  `,
  styles: `
    :host {
      display: flex;
      flex-wrap: wrap;
      justify-content: flex-end;
      gap: 8px;
      padding: 16px 0 8px;

      // On a phone (at the pump) the thumb finds a full-width button.
      @media (max-width: 599.98px) {
        .save {
          flex: 1;
          order: -1;
          height: 48px;
        }
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FormActions {
  readonly cancelLink = input.required<readonly unknown[]>();
  readonly saving = input.required<boolean>();
  /** The submit button's words while not saving, e.g. "Save changes". */
  readonly saveLabel = input.required<string>();
}
