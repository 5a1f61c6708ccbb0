import { Routes } from '@angular/router';

export const stationsRoutes: Routes = [
  {
    path: '',
    title: 'Stations',
    loadComponent: () => import('./pages/stations-page').then((m) => m.StationsPage),
  },
  {
    path: ':id',
    title: 'Station',
    loadComponent: () => import('./pages/station-page').then((m) => m.StationPage),
  },
];
