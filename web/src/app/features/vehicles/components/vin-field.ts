import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, input, output, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel, MatSuffix } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { finalize, map, of, startWith, switchMap } from 'rxjs';
import { describeError, problemOf } from '../../../core/problem';
import { VinDecode } from '../data/vehicle';
import { fieldErrorText, normaliseVin } from '../data/vehicle-form';
import { VehiclesApi } from '../data/vehicles-api';
import { VinSummary } from './vin-summary';

/**
 * The VIN and its Decode button: a good VIN's details go to `decoded` (the form fills itself in)
 * and show above the fields; a bad one's reason (wrong length, letters, check digit) shows under it.
 */
@Component({
  selector: 'mvp-vin-field',
  imports: [MatButton, MatError, MatFormField, MatHint, MatInput, MatLabel, MatSuffix, ReactiveFormsModule, VinSummary],
  template: `
    <mat-form-field class="vin">
      <mat-label>VIN</mat-label>
      <input
        matInput
        [formControl]="control()"
        autocomplete="off"
        autocapitalize="characters"
        spellcheck="false"
        (keydown.enter)="$event.preventDefault(); decode()"
      />
      <button mat-button matSuffix type="button" class="decode" [disabled]="decoding()" (click)="decode()">
        {{ decoding() ? 'Decoding…' : 'Decode' }}
      </button>
      @if (serverError(); as message) {
        <mat-error>{{ message }}</mat-error>
      } @else if (lengthError(); as length) {
        <mat-error>A VIN has 17 characters; this one has {{ length }}.</mat-error>
      } @else if (hint(); as hint) {
        <mat-hint>{{ hint }}</mat-hint>
      } @else {
        <mat-hint>17 characters, on the windshield or the door pillar. Decode fills in the rest.</mat-hint>
      }
    </mat-form-field>
    @if (shownDecode(); as decoded) {
      <mvp-vin-summary [decode]="decoded" />
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .vin {
      width: 100%;
      margin-bottom: 16px;
    }
    input {
      text-transform: uppercase;
      font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
      letter-spacing: 0.04em;
    }
    .decode {
      margin-right: 4px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class VinField {
  private readonly api = inject(VehiclesApi);
  private readonly destroyRef = inject(DestroyRef);

  readonly control = input.required<FormControl<string>>();
  readonly decoded = output<VinDecode>();

  protected readonly decoding = signal(false);
  /** A quiet note when the VIN is fine but the decoder could not help. */
  protected readonly hint = signal<string | undefined>(undefined);
  private readonly lastDecode = signal<VinDecode | undefined>(undefined);

  /** The control's value and errors, as signals (the control arrives as an input). */
  private readonly state = toSignal(
    toObservable(this.control).pipe(
      switchMap((control) =>
        control
          ? control.statusChanges.pipe(
              startWith(null),
              map(() => ({ vin: normaliseVin(control.value), errors: control.errors })),
            )
          : of({ vin: '', errors: null }),
      ),
    ),
    { initialValue: { vin: '', errors: null } },
  );

  protected readonly serverError = computed(() => {
    const message: unknown = this.state().errors?.['server'];
    return typeof message === 'string' ? message : undefined;
  });
  protected readonly lengthError = computed(() => this.state().errors?.['vinLength'] as number | undefined);
  /** The summary stays while the field still holds the VIN it describes. */
  protected readonly shownDecode = computed(() => {
    const decode = this.lastDecode();
    return decode && decode.vin === this.state().vin ? decode : undefined;
  });

  constructor() {
    toObservable(computed(() => this.state().vin))
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.hint.set(undefined));
  }

  protected decode(): void {
    const control = this.control();
    const vin = normaliseVin(control.value);
    control.markAsTouched();
    if (!vin) {
      this.hint.set('Type the VIN first.');
      return;
    }
    if (control.hasError('vinLength') || this.decoding()) return;
    this.decoding.set(true);
    this.api
      .decodeVin(vin)
      .pipe(
        finalize(() => this.decoding.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (decode) => {
          this.lastDecode.set(decode);
          this.decoded.emit(decode);
        },
        error: (error: unknown) => this.showProblem(error),
      });
  }

  private showProblem(error: unknown): void {
    const status = error instanceof HttpErrorResponse ? error.status : 0;
    if (status === 400) {
      const problem = problemOf(error);
      const message = problem?.errors?.find((each) => each.field === 'vin')?.message ?? problem?.detail;
      const control = this.control();
      control.setErrors({ ...control.errors, server: fieldErrorText('vin', message ?? 'is not a valid VIN') });
      control.markAsTouched();
    } else if (status === 404) {
      this.hint.set('The decoder does not know this VIN; type the details below.');
    } else if (status === 503) {
      this.hint.set('The VIN decoder is unavailable right now; type the details below.');
    } else {
      this.hint.set(describeError(error, 'The VIN could not be decoded; type the details below.'));
    }
  }
}
