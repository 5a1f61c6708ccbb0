import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatTabLink, MatTabNav, MatTabNavPanel } from '@angular/material/tabs';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { StatusChip } from '../components/status-chip';
import { Vehicle } from '../data/vehicle';
import { VehicleDeletion } from '../data/vehicle-deletion';
import { describeVehicle, vehicleIcon } from '../data/vehicle-options';
import { vehicleTabs } from '../vehicle-tabs';

/** One vehicle: its name and actions, and a tab per capsule below (`vehicle-tabs.ts`). */
@Component({
  selector: 'mvp-vehicle-detail-page',
  imports: [
    MatButton,
    MatIcon,
    MatTabLink,
    MatTabNav,
    MatTabNavPanel,
    RouterLink,
    RouterLinkActive,
    RouterOutlet,
    StatusChip,
  ],
  template: `
    @let current = vehicle();
    <div class="mvp-page detail">
      <a mat-button class="back" routerLink="/vehicles">
        <mat-icon aria-hidden="true">arrow_back</mat-icon>
        Garage
      </a>
      <header class="heading">
        <span class="avatar"
          ><mat-icon aria-hidden="true">{{ icon() }}</mat-icon></span
        >
        <div class="names">
          <h1>{{ current.displayName }}</h1>
          <p class="subtitle">
            @if (current.nickname) {
              <span>{{ description() }}</span>
            }
            <mvp-status-chip [status]="current.status" />
          </p>
        </div>
        <div class="actions">
          <a mat-stroked-button [routerLink]="['/vehicles', current.id, 'edit']">
            <mat-icon aria-hidden="true">edit</mat-icon>
            Edit
          </a>
          <button mat-button type="button" class="delete" [disabled]="deleting()" (click)="delete()">
            <mat-icon aria-hidden="true">delete</mat-icon>
            Delete
          </button>
        </div>
      </header>

      <nav
        mat-tab-nav-bar
        class="mvp-scrolling-tabs"
        [tabPanel]="panel"
        [disablePagination]="true"
        mat-stretch-tabs="false"
        mat-align-tabs="start"
        aria-label="Vehicle"
      >
        @for (tab of tabs; track tab.path) {
          <a
            mat-tab-link
            [routerLink]="tab.path || '.'"
            routerLinkActive
            #active="routerLinkActive"
            [routerLinkActiveOptions]="{ exact: !tab.path }"
            [active]="active.isActive"
          >
            {{ tab.label }}
          </a>
        }
      </nav>
      <mat-tab-nav-panel #panel class="panel">
        <router-outlet [routerOutletData]="current" />
      </mat-tab-nav-panel>
    </div>
  `,
  styles: `
    @use 'ui';

    .detail {
      max-width: 1040px;
    }
    .back {
      margin: -8px 0 8px -12px;
    }
    .heading {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 16px;
      margin-bottom: 16px;
    }
    .avatar {
      @include ui.icon-badge(56px, large);
      mat-icon {
        @include ui.icon-size(28px);
      }
    }
    .names {
      flex: 1 1 240px;
      min-width: 0;
    }
    h1 {
      margin: 0;
      font: var(--mat-sys-headline-medium);
      letter-spacing: var(--mat-sys-headline-medium-tracking);
      overflow-wrap: anywhere;
      @media (max-width: 599.98px) {
        font: var(--mat-sys-headline-small);
      }
    }
    .subtitle {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 12px;
      margin: 4px 0 0;
      font: var(--mat-sys-body-large);
      color: var(--mat-sys-on-surface-variant);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .delete {
      --mat-button-text-label-text-color: var(--mat-sys-error);
    }
    .panel {
      display: block;
      padding-top: 16px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class VehicleDetailPage {
  private readonly deletion = inject(VehicleDeletion);
  private readonly router = inject(Router);

  /** Resolved by the route (`vehicleResolver`). */
  readonly vehicle = input.required<Vehicle>();

  protected readonly tabs = vehicleTabs;
  protected readonly icon = computed(() => vehicleIcon(this.vehicle().vehicleType));
  protected readonly description = computed(() => describeVehicle(this.vehicle()));
  protected readonly deleting = signal(false);

  protected delete(): void {
    this.deleting.set(true);
    this.deletion.delete(this.vehicle()).subscribe({
      next: () => void this.router.navigate(['/vehicles']),
      error: () => this.deleting.set(false),
    });
  }
}
