import { Type } from '@angular/core';

/** One tab of the vehicle detail page: a link in its tab bar and a child route of `/vehicles/:id`. */
export interface VehicleTab {
  label: string;
  /** Relative to `/vehicles/:id`; '' is the overview. */
  path: string;
  /**
   * The tab's page, rendered under the tab bar. It gets the vehicle from
   * `inject(ROUTER_OUTLET_DATA) as Signal<Vehicle>`.
   */
  loadComponent: () => Promise<Type<unknown>>;
}

/**
 * The detail page's tabs, in order. A capsule that records something per vehicle (fuel, service,
 * documents) adds its tab here, with its page in its own feature folder; the route and the link
 * both come from this list.
 */
export const vehicleTabs: readonly VehicleTab[] = [
  {
    label: 'Overview',
    path: '',
    loadComponent: () => import('./pages/vehicle-overview-tab').then((m) => m.VehicleOverviewTab),
  },
  {
    label: 'Fuel',
    path: 'fuel',
    loadComponent: () => import('../fuel-logs/pages/vehicle-fuel-tab').then((m) => m.VehicleFuelTab),
  },
  {
    label: 'Service',
    path: 'service',
    loadComponent: () => import('../maintenance/pages/vehicle-service-tab').then((m) => m.VehicleServiceTab),
  },
  {
    label: 'Costs',
    path: 'costs',
    loadComponent: () => import('../costs/pages/vehicle-costs-tab').then((m) => m.VehicleCostsTab),
  },
  {
    label: 'Documents',
    path: 'documents',
    loadComponent: () => import('../documents/pages/vehicle-documents-tab').then((m) => m.VehicleDocumentsTab),
  },
];
