import { Routes } from '@angular/router';

export const settingsRoutes: Routes = [
  {
    path: '',
    title: 'Settings',
    loadComponent: () => import('./pages/settings-page').then((m) => m.SettingsPage),
  },
];
