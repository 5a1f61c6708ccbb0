import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatOption } from '@angular/material/core';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatSelect } from '@angular/material/select';
import { Vehicle } from '../../vehicles';

/** The record's vehicle: the garage's vehicles still in use, fixed once the record is stored. */
@Component({
  selector: 'mvp-record-vehicle-field',
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
        <mat-error>Pick the vehicle that was serviced.</mat-error>
      }
      @if (editing()) {
        <mat-hint>A service record stays with its vehicle.</mat-hint>
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
export class RecordVehicleField {
  readonly control = input.required<FormControl<string>>();
  readonly choices = input.required<Vehicle[]>();
  readonly editing = input(false);
}
