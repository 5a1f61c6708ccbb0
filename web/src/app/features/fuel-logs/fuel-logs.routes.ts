import { Routes } from '@angular/router';
import { fuelLogResolver } from './data/fuel-log-resolver';

const loadFormPage = () => import('./pages/fuel-log-form-page').then((m) => m.FuelLogFormPage);

// A vehicle's history, statistics and charts are its "Fuel" tab (`/vehicles/:id/fuel`, see
// vehicles/vehicle-tabs.ts); these are the pages of their own.
export const fuelLogsRoutes: Routes = [
  {
    path: '',
    title: 'Fuel',
    loadComponent: () => import('./pages/fuel-page').then((m) => m.FuelPage),
  },
  { path: 'new', title: 'Log fill-up', loadComponent: loadFormPage },
  {
    path: ':id/edit',
    title: 'Edit fill-up',
    resolve: { fuelLog: fuelLogResolver },
    loadComponent: loadFormPage,
  },
];
