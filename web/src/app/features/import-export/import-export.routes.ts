import { Routes } from '@angular/router';

export const importExportRoutes: Routes = [
  {
    path: '',
    title: 'Import',
    loadComponent: () => import('./pages/import-page').then((m) => m.ImportPage),
  },
];
