import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { MatIconButton } from '@angular/material/button';
import { MatCard } from '@angular/material/card';
import { MatIcon } from '@angular/material/icon';
import { MatMenu, MatMenuItem, MatMenuTrigger } from '@angular/material/menu';
import { RouterLink } from '@angular/router';
import { CurrentUser } from '../../../core/auth/current-user';
import { Vehicle } from '../data/vehicle';
import { describeVehicle, formatDistance, plateOf, vehicleIcon } from '../data/vehicle-options';
import { StatusChip } from './status-chip';

/** One vehicle in the garage: what it is, its plate, odometer and status; opens its page. */
@Component({
  selector: 'mvp-vehicle-card',
  imports: [MatCard, MatIcon, MatIconButton, MatMenu, MatMenuItem, MatMenuTrigger, RouterLink, StatusChip],
  templateUrl: './vehicle-card.html',
  styleUrl: './vehicle-card.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class VehicleCard {
  private readonly currentUser = inject(CurrentUser);

  readonly vehicle = input.required<Vehicle>();
  readonly deleteRequested = output<Vehicle>();

  protected readonly icon = computed(() => vehicleIcon(this.vehicle().vehicleType));
  /** What it is, under its name: the full description under a nickname, else trim and engine. */
  protected readonly subtitle = computed(() => {
    const vehicle = this.vehicle();
    if (vehicle.nickname) return describeVehicle(vehicle);
    return [vehicle.trim, vehicle.engine].filter(Boolean).join(' · ');
  });
  protected readonly plate = computed(() => plateOf(this.vehicle()));
  protected readonly odometer = computed(() => {
    const vehicle = this.vehicle();
    return formatDistance(vehicle.currentOdometer, vehicle.odometerUnit, this.currentUser.me()?.locale);
  });
}
