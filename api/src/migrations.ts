import { coreMigrations } from './core/database/migrations';
import { CreateDocuments1764900000000 } from './features/documents/migrations/1764900000000-create-documents';
import { CreateFuelLogs1764300000000 } from './features/fuel-logs/migrations/1764300000000-create-fuel-logs';
import { LinkFillUpsToStations1765000000100 } from './features/fuel-logs/migrations/1765000000100-link-fill-ups-to-stations';
import { VersionFillUps1765200000100 } from './features/fuel-logs/migrations/1765200000100-version-fill-ups';
import { CreateImportJobs1765100000000 } from './features/import-export/migrations/1765100000000-create-import-jobs';
import { FingerprintRecords1765100000100 } from './features/import-export/migrations/1765100000100-fingerprint-records';
import { CreateMaintenanceRecords1764400000000 } from './features/maintenance/migrations/1764400000000-create-maintenance-records';
import { CreateMaintenanceReminders1764500000000 } from './features/maintenance/migrations/1764500000000-create-maintenance-reminders';
import { VersionMaintenanceRecords1765200000200 } from './features/maintenance/migrations/1765200000200-version-maintenance-records';
import { CreateNotifications1764800000000 } from './features/notifications/migrations/1764800000000-create-notifications';
import { CreateStations1765000000000 } from './features/stations/migrations/1765000000000-create-stations';
import { CreateVehicles1764200000000 } from './features/vehicles/migrations/1764200000000-create-vehicles';
import { IndexReadingsByTime1764500000100 } from './features/vehicles/migrations/1764500000100-index-readings-by-time';
import { VersionOdometerReadings1765200000300 } from './features/vehicles/migrations/1765200000300-version-odometer-readings';

/**
 * Every migration of the API, core first, then each capsule's, in timestamp order. Gathered here,
 * where the app is composed, so core never names a capsule.
 */
export const apiMigrations = [
  ...coreMigrations,
  CreateVehicles1764200000000,
  CreateFuelLogs1764300000000,
  CreateMaintenanceRecords1764400000000,
  CreateMaintenanceReminders1764500000000,
  IndexReadingsByTime1764500000100,
  CreateNotifications1764800000000,
  CreateDocuments1764900000000,
  CreateStations1765000000000,
  LinkFillUpsToStations1765000000100,
  CreateImportJobs1765100000000,
  FingerprintRecords1765100000100,
  VersionFillUps1765200000100,
  VersionMaintenanceRecords1765200000200,
  VersionOdometerReadings1765200000300,
];
