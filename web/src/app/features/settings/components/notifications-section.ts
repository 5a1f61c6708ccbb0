import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { AbstractControl, FormBuilder, ReactiveFormsModule, ValidationErrors, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCard } from '@angular/material/card';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatSlideToggle } from '@angular/material/slide-toggle';
import { MatSnackBar } from '@angular/material/snack-bar';
import { finalize, map, tap } from 'rxjs';
import { CurrentUser } from '../../../core/auth/current-user';
import { LoadProgress } from '../../../core/loading/load-progress';
import { loader } from '../../../core/loading/loader';
import { saveRunner } from '../../../core/forms/save-runner';
import { placeServerErrors, serverError } from '../../../core/forms/server-errors';
import { describeError } from '../../../core/problem';
import {
  channelLabels,
  deliveryStatusLabels,
  formValueOf,
  isWebhookUrl,
  settingsPatch,
} from '../data/notification-settings-form';
import {
  ChannelTestResult,
  NotificationDelivery,
  NotificationSettings,
  NotificationsApi,
} from '../data/notifications-api';

type FormField = 'emailEnabled' | 'emailAddress' | 'webhookEnabled' | 'webhookUrl';

function webhookUrlValidator(control: AbstractControl<string>): ValidationErrors | null {
  return !control.value.trim() || isWebhookUrl(control.value) ? null : { webhookUrl: true };
}

/**
 * Where reminders reach the user: e-mail (on/off, address) and a webhook (on/off, URL), a test send
 * with each channel's result, and the latest deliveries with their failures ("Retry now").
 * Whatever is projected into it (`<ng-content />`) shows between the channels and the deliveries:
 * the place for the calendar feed (iCal) link.
 */
@Component({
  selector: 'mvp-notifications-section',
  imports: [
    LoadProgress,
    MatButton,
    MatCard,
    MatError,
    MatFormField,
    MatHint,
    MatIcon,
    MatInput,
    MatLabel,
    MatSlideToggle,
    ReactiveFormsModule,
  ],
  templateUrl: './notifications-section.html',
  styleUrls: ['./settings-section.scss', './notifications-section.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotificationsSection {
  private readonly api = inject(NotificationsApi);
  private readonly snackBar = inject(MatSnackBar);
  private readonly currentUser = inject(CurrentUser);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly channelLabels = channelLabels;
  protected readonly statusLabels = deliveryStatusLabels;

  protected readonly form = inject(FormBuilder).nonNullable.group({
    emailEnabled: false,
    emailAddress: ['', [Validators.email, Validators.maxLength(254)]],
    webhookEnabled: false,
    webhookUrl: ['', [webhookUrlValidator, Validators.maxLength(2000)]],
  });

  /** The settings as last loaded or saved. */
  protected readonly saved = signal<NotificationSettings | undefined>(undefined);
  protected readonly settings = loader({
    request: () => this.api.settings().pipe(tap((settings) => this.fill(settings))),
    failure: 'Your notification settings could not be loaded.',
  });
  protected readonly deliveries = loader({
    request: () => this.api.recentDeliveries().pipe(map((page) => page.items)),
    failure: 'Recent deliveries could not be loaded.',
  });
  private readonly saver = saveRunner();
  protected readonly saving = this.saver.saving;
  protected readonly testing = signal(false);
  protected readonly testResults = signal<ChannelTestResult[] | undefined>(undefined);
  protected readonly retrying = signal<string | undefined>(undefined);

  private readonly values = toSignal(this.form.valueChanges.pipe(map(() => this.form.getRawValue())), {
    initialValue: this.form.getRawValue(),
  });
  protected readonly anyEnabled = computed(() => this.values().emailEnabled || this.values().webhookEnabled);

  private readonly dateFormat = computed(() => {
    const me = this.currentUser.me();
    try {
      return new Intl.DateTimeFormat(me?.locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: me?.timeZone });
    } catch {
      return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
    }
  });

  protected formatDate(iso: string): string {
    return this.dateFormat().format(new Date(iso));
  }

  protected serverError(field: FormField): string | undefined {
    return serverError(this.form.controls[field]);
  }

  protected save(): void {
    this.form.markAllAsTouched();
    const saved = this.saved();
    if (!saved || this.form.invalid || this.saving()) return;
    const patch = settingsPatch(saved, this.form.getRawValue());
    if (Object.keys(patch).length === 0) {
      this.form.markAsPristine();
      return;
    }
    this.saver.run(this.api.update(patch), {
      next: (settings) => {
        this.fill(settings);
        this.testResults.set(undefined);
        this.snackBar.open('Notification settings saved', undefined, { duration: 3000 });
      },
      error: (error: unknown) => this.showErrors(error),
    });
  }

  protected reset(): void {
    const saved = this.saved();
    if (saved) this.fill(saved);
  }

  /** Sends a test through the saved channels that are on, and shows how each went. */
  protected sendTest(): void {
    if (this.testing()) return;
    this.testing.set(true);
    this.testResults.set(undefined);
    this.api
      .test()
      .pipe(
        finalize(() => this.testing.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (answer) => this.testResults.set(answer.results),
        error: (error: unknown) =>
          this.snackBar.open(describeError(error, 'The test could not be sent.'), 'Dismiss', { duration: 8000 }),
      });
  }

  protected retry(delivery: NotificationDelivery): void {
    this.retrying.set(delivery.id);
    this.api
      .retry(delivery.id)
      .pipe(
        finalize(() => this.retrying.set(undefined)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (retried) => {
          this.deliveries.update((items) => items.map((item) => (item.id === retried.id ? retried : item)));
          this.snackBar.open('Trying it again now', undefined, { duration: 3000 });
        },
        error: (error: unknown) =>
          this.snackBar.open(describeError(error, 'It could not be retried.'), 'Dismiss', { duration: 8000 }),
      });
  }

  private fill(settings: NotificationSettings): void {
    this.saved.set(settings);
    this.form.reset(formValueOf(settings));
  }

  private showErrors(error: unknown): void {
    if (!placeServerErrors(this.form, error)) {
      this.snackBar.open(describeError(error, 'Your notification settings could not be saved.'), 'Dismiss', {
        duration: 8000,
      });
    }
  }
}
