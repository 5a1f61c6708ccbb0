/**
 * How another screen opens the service record form filled in: the reminders' "Mark done" opens it
 * for the reminder's vehicle, category and title, with the reminder's id passed through untouched.
 * Use as `<a [routerLink]="link.commands" [queryParams]="link.queryParams">` or `router.navigate`.
 */
export interface RecordFormPrefill {
  vehicleId?: string;
  /** A built-in key or the user's own category. */
  category?: string;
  title?: string;
  /** The reminder this record completes; the form keeps it for what comes after saving. */
  reminderId?: string;
}

export interface RecordFormLink {
  commands: string[];
  queryParams: Record<string, string>;
}

/** `/service/new?vehicleId=…&category=…&title=…&reminderId=…`, leaving out what is not given. */
export function recordFormLink(prefill: RecordFormPrefill = {}): RecordFormLink {
  const queryParams: Record<string, string> = {};
  for (const [key, value] of Object.entries(prefill)) {
    if (typeof value === 'string' && value !== '') queryParams[key] = value;
  }
  return { commands: ['/service', 'new'], queryParams };
}
