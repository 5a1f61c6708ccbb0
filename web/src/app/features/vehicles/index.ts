/**
 * The garage's public surface for other web features (the fuel and service pages pick and show vehicles).
 * Everything else in this folder is its own; a lint rule refuses deeper imports from another feature.
 */
export type { Vehicle } from './data/vehicle';
export { VehiclesApi } from './data/vehicles-api';
export { fuelTypeOptions, labelOf, vehicleIcon } from './data/vehicle-options';
export { VehiclePickField } from './components/vehicle-pick-field';
