import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatAutocomplete, MatAutocompleteSelectedEvent, MatAutocompleteTrigger } from '@angular/material/autocomplete';
import { MatIconButton } from '@angular/material/button';
import { MatOptgroup, MatOption } from '@angular/material/core';
import { MatError, MatFormField, MatHint, MatLabel, MatPrefix, MatSuffix } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { startWith, switchMap } from 'rxjs';
import { CurrentUser } from '../../../core/auth/current-user';
import { SearchedStation } from '../data/station';
import {
  StationPickerValue,
  isSearchOption,
  pickerDisplayText,
  searchHeading,
  stationPickerGroups,
  typedTextOf,
} from '../data/station-picker-options';
import { StationPickerSource } from '../data/station-picker-source';
import { StationsApi } from '../data/stations-api';

/**
 * A fill-up's station: one of the user's saved stations (nearest first when the browser says where
 * we are, favorites starred), a station found by the provider (saved when picked), or a name typed
 * in. The control holds the picked station (`{ id, name }`) or the typed text.
 */
@Component({
  selector: 'mvp-station-picker',
  imports: [
    MatAutocomplete,
    MatAutocompleteTrigger,
    MatError,
    MatFormField,
    MatHint,
    MatIcon,
    MatIconButton,
    MatInput,
    MatLabel,
    MatOptgroup,
    MatOption,
    MatPrefix,
    MatSuffix,
    NgTemplateOutlet,
    ReactiveFormsModule,
  ],
  templateUrl: './station-picker.html',
  styleUrl: './station-picker.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StationPicker {
  private readonly api = inject(StationsApi);
  private readonly currentUser = inject(CurrentUser);
  private readonly destroyRef = inject(DestroyRef);

  readonly control = input.required<FormControl<StationPickerValue>>();

  private readonly value = toSignal(
    toObservable(this.control).pipe(switchMap((control) => control.valueChanges.pipe(startWith(control.value)))),
    { initialValue: '' as StationPickerValue },
  );
  protected readonly text = computed(() => typedTextOf(this.value()));
  protected readonly filled = computed(() => pickerDisplayText(this.value()) !== '');
  protected readonly source = new StationPickerSource(this.text);
  protected readonly groups = computed(() => {
    const saved = this.source.saved();
    const search = this.source.search();
    const me = this.currentUser.me();
    return stationPickerGroups({
      saved: saved.status === 'done' ? saved.items : [],
      searched: search.status === 'done' ? search.items : undefined,
      text: this.text(),
      unit: me?.distanceUnit ?? 'mi',
      locale: me?.locale,
    });
  });
  protected readonly searchHeading = computed(() => searchHeading(this.text(), this.source.near()));

  /** The search result being saved, by name; the one that could not be saved, kept as typed. */
  protected readonly saving = signal<string | undefined>(undefined);
  private readonly notSaved = signal<string | undefined>(undefined);
  protected readonly keptAsTyped = computed(() => !!this.notSaved() && this.notSaved() === this.text());

  protected readonly display = pickerDisplayText;

  constructor() {
    this.currentUser.ensureLoaded();
  }

  protected picked({ option }: MatAutocompleteSelectedEvent): void {
    const control = this.control();
    control.markAsDirty();
    const value: unknown = option.value;
    if (isSearchOption(value)) this.save(control, value.result);
  }

  protected clear(): void {
    const control = this.control();
    control.setValue('');
    control.markAsDirty();
  }

  /** A search result becomes one of the user's stations; its name stands in the field meanwhile. */
  private save(control: FormControl<StationPickerValue>, result: SearchedStation): void {
    const { provider, providerId, name, brand, address, latitude, longitude, fuelTypes } = result;
    control.setValue(name);
    control.setErrors({ savingStation: true });
    this.saving.set(name);
    this.notSaved.set(undefined);
    this.api
      .create({ provider, providerId, name, brand, address, latitude, longitude, fuelTypes })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (station) => {
          this.saving.set(undefined);
          // Unless the user has typed something else meanwhile.
          if (control.value === name) control.setValue({ id: station.id, name: station.name });
        },
        error: () => {
          this.saving.set(undefined);
          this.notSaved.set(typedTextOf(name));
          control.updateValueAndValidity();
        },
      });
  }
}
