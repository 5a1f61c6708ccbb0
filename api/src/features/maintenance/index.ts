/**
 * The maintenance capsule's public surface: its module, which the app composes, its monthly costs for
 * reports, and its records (to attach documents to one).
 */
export { MaintenanceModule } from './maintenance.module';
export { MaintenanceCostsService } from './domain/maintenance-costs.service';
export type { MonthlyServiceCost, MonthlyServiceCostQuery } from './domain/maintenance-costs.service';
export { MaintenanceRecordsService } from './domain/maintenance-records.service';
