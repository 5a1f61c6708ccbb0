/**
 * The fuel-logs capsule's public surface: its module, which the app composes, its monthly costs for
 * reports, and its fill-ups (to attach documents to one).
 */
export { FuelLogsModule } from './fuel-logs.module';
export { FuelCostsService } from './domain/fuel-costs.service';
export type { MonthlyFuelCost, MonthlyFuelCostQuery } from './domain/fuel-costs.service';
export { FuelLogsService } from './domain/fuel-logs.service';
export type { FillUpToImport } from './domain/fuel-log-fields';
export { quantityUnits } from './data/fuel-log.entity';
