import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** A user's calendar feed: the secret in its URL (one per user; a new one replaces it, revoking deletes it). */
export interface CalendarFeedRow {
  token: string;
  createdAt: Date;
}

@Injectable()
export class CalendarFeedsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async ofUser(userId: string): Promise<CalendarFeedRow | undefined> {
    const [row]: { token: string; created_at: Date }[] = await this.dataSource.query(
      'select token, created_at from public.maintenance_calendar_feeds where user_id = $1',
      [userId],
    );
    return row && { token: row.token, createdAt: row.created_at };
  }

  /** The user whose feed this secret opens, if any. */
  async userOf(token: string): Promise<string | undefined> {
    const [row]: { user_id: string }[] = await this.dataSource.query(
      'select user_id from public.maintenance_calendar_feeds where token = $1',
      [token],
    );
    return row?.user_id;
  }

  async replace(userId: string, token: string): Promise<CalendarFeedRow> {
    const [row]: { token: string; created_at: Date }[] = await this.dataSource.query(
      `insert into public.maintenance_calendar_feeds (user_id, token) values ($1, $2)
       on conflict (user_id) do update set token = excluded.token, created_at = now()
       returning token, created_at`,
      [userId, token],
    );
    return { token: row.token, createdAt: row.created_at };
  }

  async remove(userId: string): Promise<void> {
    await this.dataSource.query('delete from public.maintenance_calendar_feeds where user_id = $1', [userId]);
  }
}
