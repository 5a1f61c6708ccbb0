import { Clipboard } from '@angular/cdk/clipboard';
import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatDialogActions, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatSlideToggle } from '@angular/material/slide-toggle';
import { finalize } from 'rxjs';
import { ApiTokensApi, CreatedApiToken } from '../data/api-tokens-api';
import { describeError, problemOf } from '../../../core/problem';

/**
 * Names a new personal API token, creates it, and shows the secret once with a copy button.
 * Closes with the created token (or nothing when cancelled).
 */
@Component({
  selector: 'mvp-create-token-dialog',
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
    MatSlideToggle,
    ReactiveFormsModule,
  ],
  templateUrl: './create-token-dialog.html',
  styleUrl: './create-token-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CreateTokenDialog {
  private readonly api = inject(ApiTokensApi);
  private readonly clipboard = inject(Clipboard);
  private readonly dialogRef = inject<MatDialogRef<CreateTokenDialog, CreatedApiToken>>(MatDialogRef);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly form = inject(FormBuilder).nonNullable.group({
    name: ['', [Validators.required, Validators.maxLength(80)]],
    readOnly: [true],
  });
  protected readonly creating = signal(false);
  protected readonly problem = signal<string | undefined>(undefined);
  protected readonly created = signal<CreatedApiToken | undefined>(undefined);
  protected readonly copied = signal(false);

  protected create(): void {
    this.form.markAllAsTouched();
    if (this.form.invalid || this.creating()) return;
    const { name, readOnly } = this.form.getRawValue();
    this.creating.set(true);
    this.problem.set(undefined);
    this.api
      .create(name.trim(), readOnly ? 'read' : 'read_write')
      .pipe(
        finalize(() => this.creating.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (token) => this.created.set(token),
        error: (error: unknown) => {
          const nameError = problemOf(error)?.errors?.find((fieldError) => fieldError.field === 'name');
          if (nameError) this.form.controls.name.setErrors({ server: nameError.message });
          else this.problem.set(describeError(error, 'The token could not be created.'));
        },
      });
  }

  protected copy(secret: string): void {
    this.copied.set(this.clipboard.copy(secret));
  }

  protected cancel(): void {
    this.dialogRef.close();
  }

  protected done(): void {
    this.dialogRef.close(this.created());
  }

  protected nameServerError(): string | undefined {
    const error: unknown = this.form.controls.name.getError('server');
    return typeof error === 'string' ? error : undefined;
  }
}
