import { Routes } from '@angular/router';
import { signedInGuard } from './core/auth/auth.guard';

// Each feature capsule adds one lazy entry to the signed-in children and one item in
// core/navigation.ts (the import wizard has none: Settings and the empty garage and fuel lists
// lead to it). Only the sign-in callback is open to everyone.
export const routes: Routes = [
  {
    path: 'auth-callback',
    title: 'Signing in',
    loadComponent: () => import('./core/auth/auth-callback-page').then((m) => m.AuthCallbackPage),
  },
  {
    path: '',
    canActivateChild: [signedInGuard],
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'dashboard' },
      {
        path: 'dashboard',
        loadChildren: () => import('./features/dashboard/dashboard.routes').then((m) => m.dashboardRoutes),
      },
      {
        path: 'vehicles',
        loadChildren: () => import('./features/vehicles/vehicles.routes').then((m) => m.vehiclesRoutes),
      },
      {
        path: 'fuel',
        loadChildren: () => import('./features/fuel-logs/fuel-logs.routes').then((m) => m.fuelLogsRoutes),
      },
      {
        path: 'stations',
        loadChildren: () => import('./features/stations/stations.routes').then((m) => m.stationsRoutes),
      },
      {
        path: 'service',
        loadChildren: () => import('./features/maintenance/maintenance.routes').then((m) => m.maintenanceRoutes),
      },
      {
        path: 'import',
        loadChildren: () => import('./features/import-export/import-export.routes').then((m) => m.importExportRoutes),
      },
      {
        path: 'settings',
        loadChildren: () => import('./features/settings/settings.routes').then((m) => m.settingsRoutes),
      },
      {
        path: '**',
        title: 'Page not found',
        loadComponent: () => import('./core/not-found/not-found-page').then((m) => m.NotFoundPage),
      },
    ],
  },
];
