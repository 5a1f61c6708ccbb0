/**
 * The costs feature's public surface for other web features: the dashboard's card. (The vehicle
 * page's Costs tab loads `pages/vehicle-costs-tab` lazily, by a dynamic import that stays a split point.)
 */
export { CostsCard } from './components/costs-card';
