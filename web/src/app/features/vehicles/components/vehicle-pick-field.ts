import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatOption, MatSelect } from '@angular/material/select';
import { Vehicle } from '../data/vehicle';

/**
 * Another feature's form field for the vehicle a record belongs to (a service record, a fill-up):
 * the garage's vehicles still in use, fixed once the record is stored.
 */
@Component({
  selector: 'mvp-vehicle-pick-field',
  imports: [MatError, MatFormField, MatHint, MatLabel, MatOption, MatSelect, ReactiveFormsModule],
  template: `
    @let vehicleId = control();
    <mat-form-field>
      <mat-label>Vehicle</mat-label>
      <mat-select [formControl]="vehicleId">
        @for (choice of choices(); track choice.id) {
          <mat-option [value]="choice.id">{{ choice.displayName }}</mat-option>
        }
      </mat-select>
      @if (vehicleId.getError('server'); as message) {
        <mat-error>{{ message }}</mat-error>
      } @else {
        <mat-error>{{ missing() }}</mat-error>
      }
      @if (editing()) {
        <mat-hint>{{ fixed() }}</mat-hint>
      }
    </mat-form-field>
  `,
  // The host is the form's grid item; the field fills it as it would fill the grid cell.
  styles: `
    :host {
      display: flex;
      flex-direction: column;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class VehiclePickField {
  /** The vehicle's id; its only check is that one is picked. */
  readonly control = input.required<FormControl<string>>();
  readonly choices = input.required<Vehicle[]>();
  readonly editing = input(false);
  /** The error while none is picked, e.g. "Pick the vehicle you filled up." */
  readonly missing = input.required<string>();
  /** The hint while editing, e.g. "A fill-up stays with its vehicle." */
  readonly fixed = input.required<string>();
}
