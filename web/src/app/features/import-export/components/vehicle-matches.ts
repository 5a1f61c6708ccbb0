import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatIcon } from '@angular/material/icon';
import { Vehicle } from '../../vehicles';
import { ImportVehicleMatch } from '../data/import-job';

/** Each vehicle the file names and which of the user's it is, or that the import creates it. */
@Component({
  selector: 'mvp-vehicle-matches',
  imports: [MatIcon],
  template: `
    <ul aria-label="Vehicles in the file">
      @for (match of rows(); track match.name) {
        <li>
          <mat-icon aria-hidden="true">{{ match.existing ? 'link' : 'add_circle' }}</mat-icon>
          <span class="name">{{ match.name }}</span>
          <span class="match">{{ match.existing ? 'is your ' + match.existing : 'will be created' }}</span>
        </li>
      }
    </ul>
  `,
  styles: `
    ul {
      margin: 0;
      padding: 0;
      list-style: none;
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    li {
      display: flex;
      align-items: center;
      gap: 8px;
      font: var(--mat-sys-body-large);
    }
    .name {
      font-weight: 500;
    }
    .match {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class VehicleMatches {
  readonly matches = input.required<ImportVehicleMatch[]>();
  readonly vehicles = input.required<Vehicle[]>();

  protected readonly rows = computed(() => {
    const names = new Map(this.vehicles().map((vehicle) => [vehicle.id, vehicle.displayName]));
    return this.matches().map((match) => ({
      name: match.name,
      existing: match.existingVehicleId ? (names.get(match.existingVehicleId) ?? 'vehicle') : undefined,
    }));
  });
}
