import { todayIn } from '../../../core/calendar-day';

/** The export's name: `motovaultpro-export-YYYY-MM-DD.zip`, today in the user's time zone (as the API names it). */
export function exportFileName(timeZone: string | undefined, now: Date = new Date()): string {
  return `motovaultpro-export-${todayIn(timeZone, now)}.zip`;
}
