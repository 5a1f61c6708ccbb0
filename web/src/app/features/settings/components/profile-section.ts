import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { AbstractControl, FormBuilder, ReactiveFormsModule, ValidationErrors, Validators } from '@angular/forms';
import { MatAutocomplete, MatAutocompleteTrigger, MatOption } from '@angular/material/autocomplete';
import { MatButton } from '@angular/material/button';
import { MatCard } from '@angular/material/card';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatSelect } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { map, tap } from 'rxjs';
import { CurrentUser, Me, MePatch } from '../../../core/auth/current-user';
import { LoadProgress } from '../../../core/loading/load-progress';
import { loader } from '../../../core/loading/loader';
import {
  commonCurrencies,
  commonLocales,
  currencyName,
  distanceUnitOptions,
  economyUnitOptions,
  isLocaleTag,
  localeName,
  localeSample,
  timeZoneOptions,
  volumeUnitOptions,
} from '../data/preference-options';
import { saveRunner } from '../../../core/forms/save-runner';
import { placeServerErrors, serverError } from '../../../core/forms/server-errors';
import { describeError } from '../../../core/problem';

/** The fields this section edits (the reminders section has the due-soon ones). */
type ProfileField = Exclude<keyof MePatch, 'dueSoonDays' | 'dueSoonDistance'>;
const profileFields: readonly ProfileField[] = [
  'displayName',
  'distanceUnit',
  'volumeUnit',
  'economyUnit',
  'currency',
  'locale',
  'timeZone',
];

function localeTagValidator(control: AbstractControl<string>): ValidationErrors | null {
  return !control.value || isLocaleTag(control.value.trim()) ? null : { localeTag: true };
}

/** Display name and the units, currency, locale and time zone the app shows numbers in (PATCH /api/me). */
@Component({
  selector: 'mvp-profile-section',
  imports: [
    LoadProgress,
    MatAutocomplete,
    MatAutocompleteTrigger,
    MatButton,
    MatCard,
    MatError,
    MatFormField,
    MatHint,
    MatInput,
    MatLabel,
    MatOption,
    MatSelect,
    ReactiveFormsModule,
  ],
  templateUrl: './profile-section.html',
  styleUrls: ['./settings-section.scss', './profile-section.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProfileSection {
  private readonly currentUser = inject(CurrentUser);
  private readonly snackBar = inject(MatSnackBar);

  protected readonly distanceUnits = distanceUnitOptions;
  protected readonly volumeUnits = volumeUnitOptions;
  protected readonly economyUnits = economyUnitOptions;

  protected readonly form = inject(FormBuilder).nonNullable.group({
    displayName: ['', [Validators.required, Validators.maxLength(80)]],
    distanceUnit: ['mi' as Me['distanceUnit'], Validators.required],
    volumeUnit: ['gal_us' as Me['volumeUnit'], Validators.required],
    economyUnit: ['mpg_us' as Me['economyUnit'], Validators.required],
    currency: ['USD', [Validators.required, Validators.pattern(/^\s*[A-Za-z]{3}\s*$/)]],
    locale: ['en-US', [Validators.required, localeTagValidator]],
    timeZone: ['UTC', Validators.required],
  });

  protected readonly profile = loader({
    request: () => this.currentUser.reload().pipe(tap((me) => this.fill(me))),
    failure: 'Your profile could not be loaded.',
  });
  /** The form holds the profile (loaded, or as just saved): until then it is busy. */
  protected readonly loaded = signal(false);
  private readonly saver = saveRunner();
  protected readonly saving = this.saver.saving;

  private readonly values = toSignal(this.form.valueChanges.pipe(map(() => this.form.getRawValue())), {
    initialValue: this.form.getRawValue(),
  });
  /** The locale the page itself uses to name currencies and languages. */
  private readonly uiLocale = computed(() => this.currentUser.me()?.locale ?? 'en-US');

  protected readonly currencySuggestions = computed(() => {
    const typed = this.values().currency.trim().toUpperCase();
    const locale = this.uiLocale();
    return commonCurrencies
      .map((code) => ({ code, name: currencyName(code, locale) }))
      .filter(({ code, name }) => !typed || code.includes(typed) || name.toUpperCase().includes(typed));
  });
  protected readonly localeSuggestions = computed(() => {
    const typed = this.values().locale.trim().toLowerCase();
    const locale = this.uiLocale();
    return commonLocales
      .map((tag) => ({ tag, name: localeName(tag, locale) }))
      .filter(({ tag, name }) => !typed || tag.toLowerCase().includes(typed) || name.toLowerCase().includes(typed));
  });
  protected readonly timeZones = computed(() => timeZoneOptions(this.currentUser.me()?.timeZone));
  protected readonly sample = computed(() => {
    const { locale, currency, timeZone } = this.values();
    return localeSample(locale.trim(), currency.trim().toUpperCase(), timeZone);
  });
  protected readonly currencyLabel = computed(() => {
    const code = this.values().currency.trim().toUpperCase();
    return /^[A-Z]{3}$/.test(code) ? currencyName(code, this.uiLocale()) : undefined;
  });

  protected serverError(field: ProfileField): string | undefined {
    return serverError(this.form.controls[field]);
  }

  protected save(): void {
    this.form.markAllAsTouched();
    if (this.form.invalid || this.saving()) return;
    const patch = this.changes();
    if (Object.keys(patch).length === 0) {
      this.form.markAsPristine();
      return;
    }
    this.saver.run(this.currentUser.update(patch), {
      next: (me) => {
        this.fill(me);
        this.snackBar.open('Preferences saved', undefined, { duration: 3000 });
      },
      error: (error: unknown) => this.showErrors(error),
    });
  }

  protected reset(): void {
    const me = this.currentUser.me();
    if (me) this.fill(me);
  }

  private fill(me: Me): void {
    this.form.reset({
      displayName: me.displayName ?? '',
      distanceUnit: me.distanceUnit,
      volumeUnit: me.volumeUnit,
      economyUnit: me.economyUnit,
      currency: me.currency,
      locale: me.locale,
      timeZone: me.timeZone,
    });
    this.loaded.set(true);
  }

  /** Only what changed, normalised (trimmed, currency upper-case). */
  private changes(): MePatch {
    const me = this.currentUser.me();
    const value = this.form.getRawValue();
    const next: Required<Pick<MePatch, ProfileField>> = {
      ...value,
      displayName: value.displayName.trim(),
      currency: value.currency.trim().toUpperCase(),
      locale: value.locale.trim(),
    };
    const patch: Record<string, string> = {};
    for (const field of profileFields) {
      const nextValue = next[field];
      if (nextValue !== null && (!me || me[field] !== nextValue)) patch[field] = nextValue;
    }
    return patch as MePatch;
  }

  private showErrors(error: unknown): void {
    if (!placeServerErrors(this.form, error)) {
      this.snackBar.open(describeError(error, 'Your preferences could not be saved.'), 'Dismiss', { duration: 8000 });
    }
  }
}
