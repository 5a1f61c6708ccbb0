import { withoutReportCache } from '../lib/without-report-cache';
import costs from './costs';

/** `costs` computed on every read: what a change to the vehicle's fill-ups, services or readings costs the next one. */
export default withoutReportCache(costs);
