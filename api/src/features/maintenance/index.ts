/** The maintenance capsule's public surface: its module, which the app composes, and its monthly costs for reports. */
export { MaintenanceModule } from './maintenance.module';
export { MaintenanceCostsService } from './domain/maintenance-costs.service';
export type { MonthlyServiceCost, MonthlyServiceCostQuery } from './domain/maintenance-costs.service';
