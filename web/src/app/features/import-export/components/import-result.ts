import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatAnchor } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { CurrentUser } from '../../../core/auth/current-user';
import { Vehicle } from '../../vehicles';
import { ImportCommitResult, ImportJob } from '../data/import-job';
import { ImportWizard } from '../data/import-wizard';
import { importedVehicles } from '../data/imported-vehicles';

/** Step 5: how many records came in, were there already, or were left out; links to the vehicles' fill-ups. */
@Component({
  selector: 'mvp-import-result',
  imports: [MatAnchor, MatIcon, RouterLink],
  template: `
    @let counts = result();
    <p class="summary" role="status">
      <mat-icon aria-hidden="true">task_alt</mat-icon>
      Imported {{ count(counts.imported, 'record', 'records') }}
    </p>
    <ul class="counts">
      <li>{{ count(counts.duplicates, 'record', 'records') }} imported before, left out</li>
      <li>{{ count(counts.skipped, 'bad line', 'bad lines') }} left out</li>
    </ul>
    <nav class="actions" aria-label="Imported vehicles">
      @for (vehicle of into(); track vehicle.id) {
        <a mat-stroked-button [routerLink]="['/vehicles', vehicle.id, 'fuel']">
          <mat-icon aria-hidden="true">local_gas_station</mat-icon>
          Fill-ups of {{ vehicle.displayName }}
        </a>
      } @empty {
        <a mat-stroked-button routerLink="/vehicles">Go to the garage</a>
      }
    </nav>
  `,
  styleUrl: './import-step.scss',
  styles: `
    .summary {
      display: flex;
      align-items: center;
      gap: 8px;
      margin: 0;
      font: var(--mat-sys-title-large);
    }
    .counts {
      margin: 0;
      padding-left: 20px;
      font: var(--mat-sys-body-large);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImportResult {
  readonly result = input.required<ImportCommitResult>();
  readonly job = input.required<ImportJob>();
  readonly vehicles = input.required<Vehicle[]>();

  private readonly wizard = inject(ImportWizard);
  private readonly me = inject(CurrentUser).me;
  protected readonly into = computed(() => importedVehicles(this.job(), this.wizard.vehicleId(), this.vehicles()));

  protected count(count: number, one: string, many: string): string {
    return `${count.toLocaleString(this.me()?.locale)} ${count === 1 ? one : many}`;
  }
}
