import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { finalize } from 'rxjs';
import { firstErrorFocuser } from '../../../core/forms/focus-first-error';
import { placeServerErrors, serverError } from '../../../core/forms/server-errors';
import { describeError } from '../../../core/problem';
import { StoredDocument } from '../data/document';
import { documentKinds } from '../data/document-format';
import { createDocumentForm, documentPatchOf } from '../data/document-form';
import { DocumentsApi } from '../data/documents-api';

/** Changes a document's title, kind, expiry and notes. Closes with the saved document. */
@Component({
  selector: 'mvp-document-edit-dialog',
  imports: [
    MatButton,
    MatDialogActions,
    MatDialogContent,
    MatDialogTitle,
    MatError,
    MatFormField,
    MatHint,
    MatIcon,
    MatInput,
    MatLabel,
    MatOption,
    MatSelect,
    ReactiveFormsModule,
  ],
  template: `
    <h2 mat-dialog-title>Edit document</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content>
        <p class="file">{{ document.fileName }}</p>
        <div class="fields">
          <mat-form-field class="wide">
            <mat-label>Title</mat-label>
            <input matInput formControlName="title" maxlength="200" />
            @if (serverError(form.controls.title); as message) {
              <mat-error>{{ message }}</mat-error>
            } @else if (form.controls.title.hasError('required')) {
              <mat-error>Give it a title.</mat-error>
            }
          </mat-form-field>
          <mat-form-field>
            <mat-label>Kind</mat-label>
            <mat-select formControlName="kind">
              @for (kind of kinds; track kind.value) {
                <mat-option [value]="kind.value">
                  <mat-icon aria-hidden="true">{{ kind.icon }}</mat-icon>
                  {{ kind.label }}
                </mat-option>
              }
            </mat-select>
          </mat-form-field>
          <mat-form-field>
            <mat-label>Expires on</mat-label>
            <input matInput type="date" formControlName="expiresOn" />
            @if (serverError(form.controls.expiresOn); as message) {
              <mat-error>{{ message }}</mat-error>
            } @else {
              <mat-hint>Insurance and registration expiries show in the due list</mat-hint>
            }
          </mat-form-field>
          <mat-form-field class="wide">
            <mat-label>Notes</mat-label>
            <textarea matInput formControlName="notes" rows="3" maxlength="2000"></textarea>
            @if (serverError(form.controls.notes); as message) {
              <mat-error>{{ message }}</mat-error>
            }
          </mat-form-field>
        </div>
        @if (problem(); as problem) {
          <p class="problem" role="alert">{{ problem }}</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" (click)="cancel()">Cancel</button>
        <button mat-flat-button type="submit" [disabled]="saving()">{{ saving() ? 'Saving…' : 'Save' }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    @use 'ui';

    .file {
      margin: 0 0 16px;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-medium);
      overflow-wrap: anywhere;
    }
    .fields {
      @include ui.form-fields;
    }
    .problem {
      margin: 8px 0 0;
      color: var(--mat-sys-error);
      font: var(--mat-sys-body-medium);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DocumentEditDialog {
  private readonly api = inject(DocumentsApi);
  private readonly dialogRef = inject<MatDialogRef<DocumentEditDialog, StoredDocument>>(MatDialogRef);
  private readonly destroyRef = inject(DestroyRef);
  private readonly focusFirstError = firstErrorFocuser();
  protected readonly document = inject<StoredDocument>(MAT_DIALOG_DATA);
  protected readonly form = createDocumentForm(inject(NonNullableFormBuilder), this.document);
  protected readonly kinds = documentKinds;
  protected readonly serverError = serverError;
  protected readonly saving = signal(false);
  protected readonly problem = signal<string | undefined>(undefined);

  protected save(): void {
    this.form.markAllAsTouched();
    if (this.form.invalid) return this.focusFirstError();
    if (this.saving()) return;
    this.saving.set(true);
    this.problem.set(undefined);
    this.api
      .update(this.document.id, documentPatchOf(this.form.getRawValue()))
      .pipe(
        finalize(() => this.saving.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (saved) => this.dialogRef.close(saved),
        error: (error: unknown) => {
          if (!placeServerErrors(this.form, error)) {
            this.problem.set(describeError(error, 'The document could not be saved.'));
          }
          this.focusFirstError();
        },
      });
  }

  protected cancel(): void {
    this.dialogRef.close();
  }
}
