import { FindOptionsWhere, IsNull } from 'typeorm';
import type { MaintenanceReminderEntity } from './maintenance-reminder.entity';

/** Which reminders a list holds: one vehicle's or all, and open ones only unless done ones are asked for. */
export function reminderFilter(query: {
  vehicleId?: string;
  includeCompleted?: boolean;
}): FindOptionsWhere<MaintenanceReminderEntity> {
  return {
    ...(query.vehicleId ? { vehicleId: query.vehicleId } : {}),
    ...(query.includeCompleted ? {} : { completedAt: IsNull() }),
  };
}
