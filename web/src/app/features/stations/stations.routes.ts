import { Routes } from '@angular/router';
import { resolvedStation, stationResolver } from './data/station-resolver';

// The router resolves a route's data and title together, a child's after its parent's: so the
// title that names the station sits on a child of the route that resolves it.
export const stationsRoutes: Routes = [
  {
    path: '',
    title: 'Stations',
    loadComponent: () => import('./pages/stations-page').then((m) => m.StationsPage),
  },
  {
    path: ':id',
    resolve: { station: stationResolver },
    children: [
      {
        path: '',
        title: (route) => resolvedStation(route)?.name ?? 'Station',
        loadComponent: () => import('./pages/station-page').then((m) => m.StationPage),
      },
    ],
  },
];
