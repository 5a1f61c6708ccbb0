import { Routes } from '@angular/router';
import { resolvedVehicle, vehicleResolver } from './data/vehicle-resolver';
import { vehicleTabs } from './vehicle-tabs';

const loadFormPage = () => import('./pages/vehicle-form-page').then((m) => m.VehicleFormPage);

// The router resolves a route's data and title together, a child's after its parent's: so the
// titles that name the vehicle sit on a child of the route that resolves it.
export const vehiclesRoutes: Routes = [
  {
    path: '',
    title: 'Garage',
    loadComponent: () => import('./pages/garage-page').then((m) => m.GaragePage),
  },
  { path: 'new', title: 'Add vehicle', loadComponent: loadFormPage },
  {
    path: ':id/edit',
    resolve: { vehicle: vehicleResolver },
    children: [
      {
        path: '',
        title: (route) => `Edit ${resolvedVehicle(route)?.displayName ?? 'vehicle'}`,
        loadComponent: loadFormPage,
      },
    ],
  },
  {
    path: ':id',
    resolve: { vehicle: vehicleResolver },
    loadComponent: () => import('./pages/vehicle-detail-page').then((m) => m.VehicleDetailPage),
    children: vehicleTabs.map((tab) => ({
      path: tab.path,
      pathMatch: tab.path === '' ? ('full' as const) : ('prefix' as const),
      title: (route) =>
        [resolvedVehicle(route)?.displayName ?? 'Vehicle', tab.path ? tab.label : undefined]
          .filter(Boolean)
          .join(' · '),
      loadComponent: tab.loadComponent,
    })),
  },
];
