/** One destination in the side navigation (wide screens) and the bottom bar (phones). */
export interface NavItem {
  readonly label: string;
  /** A Material Symbols ligature name, e.g. `directions_car`. */
  readonly icon: string;
  /** Absolute router path; app.routes.ts must have a lazy route for it. */
  readonly path: string;
}

export const appName = 'MotoVaultPro';

/**
 * The app's destinations, in display order. A capsule adds its item here in the same change
 * that adds its route, so the navigation never leads to an empty page (the browser smoke test
 * opens every item). Settings stays last.
 */
export const navItems: readonly NavItem[] = [
  { label: 'Dashboard', icon: 'dashboard', path: '/dashboard' },
  { label: 'Garage', icon: 'garage', path: '/vehicles' },
  { label: 'Fuel', icon: 'local_gas_station', path: '/fuel' },
  { label: 'Stations', icon: 'ev_station', path: '/stations' },
  { label: 'Settings', icon: 'settings', path: '/settings' },
];
