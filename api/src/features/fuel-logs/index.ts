/** The fuel-logs capsule's public surface: its module, which the app composes, and its monthly costs for reports. */
export { FuelLogsModule } from './fuel-logs.module';
export { FuelCostsService } from './domain/fuel-costs.service';
export type { MonthlyFuelCost, MonthlyFuelCostQuery } from './domain/fuel-costs.service';
