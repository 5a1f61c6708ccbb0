import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { MaintenanceReminderEntity } from './maintenance-reminder.entity';

/** The latest live record of one vehicle, category and service key. */
export interface LatestRecordRow {
  vehicleId: string;
  category: string;
  serviceKey: string | null;
  performedAt: string;
  odometer: number;
}

/** What reminders are worked out from, beyond the reminders themselves, and the alerts' bookkeeping. */
@Injectable()
export class ReminderFactsQuery {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The latest live record (latest day, then highest odometer) of each vehicle, category and service
   * key of the user: all a reminder needs of the history, however long it is.
   */
  async latestRecords(userId: string, db: EntityManager = this.dataSource.manager): Promise<LatestRecordRow[]> {
    const rows: { vehicle_id: string; category: string; service_key: string | null; day: string; odometer: string }[] =
      await db.query(
        `select distinct on (vehicle_id, category, service_key)
                vehicle_id, category, service_key, to_char(performed_at, 'YYYY-MM-DD') as day, odometer
           from public.maintenance_records
          where user_id = $1 and deleted_at is null
          order by vehicle_id, category, service_key, performed_at desc, odometer desc`,
        [userId],
      );
    return rows.map((row) => ({
      vehicleId: row.vehicle_id,
      category: row.category,
      serviceKey: row.service_key,
      performedAt: row.day,
      odometer: Number(row.odometer),
    }));
  }

  /** Users with a live, open reminder on a live vehicle: whom the alert job looks at. */
  async usersWithOpenReminders(): Promise<string[]> {
    const rows: { user_id: string }[] = await this.dataSource.query(
      `select distinct r.user_id
         from public.maintenance_reminders r
         join public.vehicles v on v.id = r.vehicle_id and v.deleted_at is null
        where r.deleted_at is null and r.completed_at is null`,
    );
    return rows.map((row) => row.user_id);
  }

  /**
   * Moves a reminder's alerted status from `from` to `to`, only if it still is `from`: of two job
   * runners at once, one wins (the other's update waits for it and then matches no row).
   */
  async moveAlertedStatus(
    db: EntityManager,
    reminder: { userId: string; id: string },
    from: MaintenanceReminderEntity['alertedStatus'],
    to: MaintenanceReminderEntity['alertedStatus'],
  ): Promise<boolean> {
    const [, affected]: [unknown, number] = await db.query(
      `update public.maintenance_reminders set alerted_status = $4
        where id = $1 and user_id = $2 and alerted_status = $3 and deleted_at is null`,
      [reminder.id, reminder.userId, from, to],
    );
    return affected === 1;
  }
}
