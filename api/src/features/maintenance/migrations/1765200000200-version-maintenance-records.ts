import { versionTriggersMigration } from '../../../core/database/data-versions/version-triggers';

/** Every change to maintenance records bumps their vehicles' data version, which cost reports are cached under. */
export const VersionMaintenanceRecords1765200000200 = versionTriggersMigration(
  'VersionMaintenanceRecords1765200000200',
  'public.maintenance_records',
);
