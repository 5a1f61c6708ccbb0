import { withoutReportCache } from '../lib/without-report-cache';
import fuelStats from './fuel-stats';

/** `fuel-stats` computed on every read: what a change to the vehicle's fill-ups costs the next one. */
export default withoutReportCache(fuelStats);
