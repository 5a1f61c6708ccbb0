import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCard } from '@angular/material/card';
import { MatError, MatFormField, MatHint, MatLabel, MatSuffix } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatSnackBar } from '@angular/material/snack-bar';
import { CurrentUser, Me, MePatch } from '../../../core/auth/current-user';
import { saveRunner } from '../../../core/forms/save-runner';
import { placeServerErrors, serverError } from '../../../core/forms/server-errors';
import { describeError } from '../../../core/problem';

/** A whole number as typed, thousands grouped or not: "1000", "1,000", "1 000". */
const wholeNumber = /^\s*\d{1,3}(?:[\s,.'’]?\d{3})*\s*$/;
const numberOf = (text: string) => Number(text.replace(/\D/g, ''));

/** The API's due-soon distance when the user sets none. */
const defaultDistance = { mi: 500, km: 800 } as const;

/** When a reminder turns "due soon": days before its date, distance before its odometer (PATCH /api/me). */
@Component({
  selector: 'mvp-reminders-section',
  imports: [MatButton, MatCard, MatError, MatFormField, MatHint, MatInput, MatLabel, MatSuffix, ReactiveFormsModule],
  template: `
    <section aria-labelledby="reminders-settings-heading">
      <mat-card appearance="outlined">
        <h2 id="reminders-settings-heading">Reminders</h2>
        <p class="section-intro">How early a reminder turns “due soon”, whichever comes first.</p>
        <form [formGroup]="form" (ngSubmit)="save()" novalidate [attr.aria-busy]="!loaded()">
          <div class="fields">
            <mat-form-field>
              <mat-label>Days before the date</mat-label>
              <input matInput formControlName="dueSoonDays" inputmode="numeric" />
              <span matTextSuffix>days</span>
              @if (error('dueSoonDays'); as message) {
                <mat-error>{{ message }}</mat-error>
              }
            </mat-form-field>
            <mat-form-field>
              <mat-label>Distance before the odometer</mat-label>
              <input matInput formControlName="dueSoonDistance" inputmode="numeric" />
              <span matTextSuffix>{{ unit() }}</span>
              @if (error('dueSoonDistance'); as message) {
                <mat-error>{{ message }}</mat-error>
              } @else {
                <mat-hint>Blank: {{ defaultDistance() }} {{ unit() }}</mat-hint>
              }
            </mat-form-field>
          </div>
          <div class="actions">
            <button mat-flat-button type="submit" [disabled]="!loaded() || form.pristine || saving()">
              {{ saving() ? 'Saving…' : 'Save' }}
            </button>
          </div>
        </form>
      </mat-card>
    </section>
  `,
  styleUrls: ['./settings-section.scss', './profile-section.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RemindersSection {
  private readonly currentUser = inject(CurrentUser);
  private readonly snackBar = inject(MatSnackBar);

  protected readonly form = inject(FormBuilder).nonNullable.group({
    dueSoonDays: ['30', [Validators.required, Validators.pattern(wholeNumber), Validators.max(365)]],
    dueSoonDistance: ['', Validators.pattern(wholeNumber)],
  });
  /** The form holds the user's settings: until then it is busy. */
  protected readonly loaded = signal(false);
  private readonly saver = saveRunner();
  protected readonly saving = this.saver.saving;
  protected readonly unit = computed(() => this.currentUser.me()?.distanceUnit ?? 'mi');
  protected readonly defaultDistance = computed(() => defaultDistance[this.unit()]);

  constructor() {
    // The profile section above loads the user (and shows a failure); this fills in once it has.
    this.currentUser.ensureLoaded();
    effect(() => {
      const me = this.currentUser.me();
      untracked(() => {
        if (me && this.form.pristine) this.fill(me);
      });
    });
  }

  protected error(field: 'dueSoonDays' | 'dueSoonDistance'): string | undefined {
    const control = this.form.controls[field];
    const server = serverError(control);
    if (server !== undefined) return server;
    if (control.hasError('required')) return 'Give a number of days, 0 for none.';
    if (control.invalid)
      return field === 'dueSoonDays' ? 'Enter 0 to 365 days.' : 'Enter a whole number, or leave blank.';
    return undefined;
  }

  protected save(): void {
    this.form.markAllAsTouched();
    if (this.form.invalid || this.saving()) return;
    const { dueSoonDays, dueSoonDistance } = this.form.getRawValue();
    const patch: MePatch = {
      dueSoonDays: numberOf(dueSoonDays),
      dueSoonDistance: dueSoonDistance.trim() ? numberOf(dueSoonDistance) : null,
    };
    this.saver.run(this.currentUser.update(patch), {
      next: (me) => {
        this.fill(me);
        this.snackBar.open('Reminder settings saved', undefined, { duration: 3000 });
      },
      error: (error: unknown) => this.showErrors(error),
    });
  }

  private fill(me: Me): void {
    this.form.reset({
      dueSoonDays: String(me.dueSoonDays),
      dueSoonDistance: me.dueSoonDistance === null ? '' : String(me.dueSoonDistance),
    });
    this.loaded.set(true);
  }

  private showErrors(error: unknown): void {
    if (!placeServerErrors(this.form, error)) {
      this.snackBar.open(describeError(error, 'Your reminder settings could not be saved.'), 'Dismiss', {
        duration: 8000,
      });
    }
  }
}
