/**
 * The fuel feature's public surface for other web features: the dashboard's cards. (The vehicle
 * page's Fuel tab loads `pages/vehicle-fuel-tab` lazily, by a dynamic import that stays a split point.)
 */
export { FuelEconomyCard } from './components/fuel-economy-card';
export { FuelSpendCard } from './components/fuel-spend-card';
