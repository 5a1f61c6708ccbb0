import { versionTriggersMigration } from '../../../core/database/data-versions/version-triggers';

/** Every change to odometer readings bumps their vehicles' data version, which cost reports (distance driven) are cached under. */
export const VersionOdometerReadings1765200000300 = versionTriggersMigration(
  'VersionOdometerReadings1765200000300',
  'public.odometer_readings',
);
