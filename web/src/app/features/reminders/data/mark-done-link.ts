import { Reminder } from './reminder';

export interface MarkDoneLink {
  commands: string[];
  queryParams: Record<string, string>;
}

/**
 * Where "Mark done" goes: the service record form, prefilled from the reminder; saving it there
 * completes the reminder (`reminderId`). The one place that knows the form's route.
 */
export function markDoneLink(reminder: Reminder): MarkDoneLink {
  const queryParams: Record<string, string> = {
    vehicleId: reminder.vehicleId,
    category: reminder.category,
    title: reminder.title,
    reminderId: reminder.id,
  };
  if (reminder.serviceKey) queryParams['serviceKey'] = reminder.serviceKey;
  return { commands: ['/vehicles', reminder.vehicleId, 'service', 'new'], queryParams };
}
