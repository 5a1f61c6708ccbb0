import { Routes } from '@angular/router';
import { maintenanceRecordResolver } from './data/maintenance-record-resolver';

const loadFormPage = () => import('./pages/maintenance-record-form-page').then((m) => m.MaintenanceRecordFormPage);

// A vehicle's service history is its "Service" tab (`/vehicles/:id/service`, see
// vehicles/vehicle-tabs.ts); these are the form's pages. `/service` itself has no page yet.
export const maintenanceRoutes: Routes = [
  { path: '', pathMatch: 'full', redirectTo: '/vehicles' },
  { path: 'new', title: 'Add service record', loadComponent: loadFormPage },
  {
    path: ':id/edit',
    title: 'Edit service record',
    resolve: { record: maintenanceRecordResolver },
    loadComponent: loadFormPage,
  },
];
