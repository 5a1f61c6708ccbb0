import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { EntityManager, Repository } from 'typeorm';
import { Channel, DeliveryStatus, NotificationDeliveryEntity } from './notification-delivery.entity';

export interface NewDelivery {
  userId: string;
  channel: Channel;
  key: string;
  title: string;
  message: string;
  link: string | null;
  data: Record<string, unknown> | null;
  /** A delivery refused from the start (its channel cannot send) is recorded `failed`, with why. */
  refusedBecause?: string;
}

export interface RecordedRow {
  id: string;
  channel: Channel;
  status: DeliveryStatus;
  created: boolean;
}

const table = 'public.notification_deliveries';

/** Deliveries as the sending side sees them: across users, by id, on the caller's transaction. */
@Injectable()
export class NotificationDeliveriesRepository {
  constructor(
    @InjectRepository(NotificationDeliveryEntity) readonly repository: Repository<NotificationDeliveryEntity>,
  ) {}

  /** Records the delivery unless its user already has one with that channel and key; returns which it is. */
  async record(db: EntityManager, delivery: NewDelivery): Promise<RecordedRow> {
    const refused = delivery.refusedBecause !== undefined;
    const inserted: Array<Omit<RecordedRow, 'created'>> = await db.query(
      `insert into ${table} (id, user_id, channel, key, title, message, link, data, status, last_error)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       on conflict (user_id, channel, key) do nothing
       returning id, channel, status`,
      [
        randomUUID(),
        delivery.userId,
        delivery.channel,
        delivery.key,
        delivery.title,
        delivery.message,
        delivery.link,
        delivery.data === null ? null : JSON.stringify(delivery.data),
        refused ? 'failed' : 'pending',
        delivery.refusedBecause ?? null,
      ],
    );
    if (inserted[0]) return { ...inserted[0], created: true };
    const existing: Array<Omit<RecordedRow, 'created'>> = await db.query(
      `select id, channel, status from ${table} where user_id = $1 and channel = $2 and key = $3`,
      [delivery.userId, delivery.channel, delivery.key],
    );
    return { ...existing[0], created: false };
  }

  /**
   * The delivery, locked until the caller's transaction ends, when it is pending and due; undefined
   * when it is not, or when another worker holds it (that one sends it: never twice at once).
   */
  async claimDue(db: EntityManager, id: string): Promise<NotificationDeliveryEntity | undefined> {
    const found = await db
      .getRepository(NotificationDeliveryEntity)
      .createQueryBuilder('delivery')
      .where("delivery.id = :id and delivery.status = 'pending' and delivery.next_attempt_at <= clock_timestamp()", {
        id,
      })
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getOne();
    return found ?? undefined;
  }

  async markSent(db: EntityManager, id: string, attempts: number): Promise<void> {
    await db.query(
      `update ${table} set status = 'sent', attempts = $2, sent_at = now(), last_error = null, updated_at = now() where id = $1`,
      [id, attempts],
    );
  }

  async markFailed(db: EntityManager, id: string, attempts: number, error: string): Promise<void> {
    await db.query(
      `update ${table} set status = 'failed', attempts = $2, last_error = $3, updated_at = now() where id = $1`,
      [id, attempts, error],
    );
  }

  /** Leaves it pending for another attempt `delayMs` from now (by the database's clock); returns when. */
  async retryLater(db: EntityManager, id: string, attempts: number, error: string, delayMs: number): Promise<Date> {
    const [rows]: [Array<{ next_attempt_at: Date }>, number] = await db.query(
      `update ${table}
       set attempts = $2, last_error = $3, next_attempt_at = clock_timestamp() + make_interval(secs => $4), updated_at = now()
       where id = $1
       returning next_attempt_at`,
      [id, attempts, error, delayMs / 1000],
    );
    return rows[0].next_attempt_at;
  }

  /** Makes a failed delivery of the user's pending and due now; false when it is not failed. */
  async retryNow(db: EntityManager, userId: string, id: string): Promise<boolean> {
    const [, affected]: [unknown, number] = await db.query(
      `update ${table} set status = 'pending', next_attempt_at = now(), updated_at = now()
       where id = $1 and user_id = $2 and status = 'failed' and deleted_at is null`,
      [id, userId],
    );
    return affected > 0;
  }

  /** Pending deliveries whose time has come, oldest first (what the sweep sends). */
  async dueIds(limit: number): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.repository.query(
      `select id from ${table} where status = 'pending' and next_attempt_at <= now() order by next_attempt_at limit $1`,
      [limit],
    );
    return rows.map((row) => row.id);
  }
}
