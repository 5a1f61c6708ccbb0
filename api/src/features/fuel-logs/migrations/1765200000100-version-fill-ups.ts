import { versionTriggersMigration } from '../../../core/database/data-versions/version-triggers';

/** Every change to fill-ups bumps their vehicles' data version, which fuel statistics and costs are cached under. */
export const VersionFillUps1765200000100 = versionTriggersMigration('VersionFillUps1765200000100', 'public.fuel_logs');
