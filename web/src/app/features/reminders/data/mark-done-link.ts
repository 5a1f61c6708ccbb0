import { RecordFormLink, recordFormLink } from '../../maintenance';
import { Reminder } from './reminder';

/**
 * Where "Mark done" goes: the service record form, filled in from the reminder; saving it there
 * completes the reminder (`reminderId`), which also gives the record the reminder's service key.
 */
export function markDoneLink(reminder: Reminder): RecordFormLink {
  const { vehicleId, category, title, id: reminderId } = reminder;
  return recordFormLink({ vehicleId, category, title, reminderId });
}
