import type { Channel, DeliveryStatus } from '../data/notification-delivery.entity';

export type { Channel, DeliveryStatus };

/** What a capsule asks `NotificationsService.notify` to send. */
export interface Notification {
  /**
   * Sends once per user and channel: asking again with the same key records and sends nothing
   * more (e.g. `reminder:<id>:overdue`). 1 to 200 characters.
   */
  key: string;
  /** The e-mail subject and push title, up to 200 characters. */
  title: string;
  /** Plain text, up to 4,000 characters. */
  message: string;
  /** A path in the web app (`/vehicles/…`, made absolute with PUBLIC_URL) or an http(s) URL. */
  link?: string;
  /** Structured fields for webhook receivers (`data` in the JSON body). */
  data?: Record<string, unknown>;
}

/** One channel's delivery of a notification as `notify` left it. */
export interface RecordedDelivery {
  id: string;
  channel: Channel;
  status: DeliveryStatus;
  /** false: the key was seen before for this channel, and this is that earlier delivery. */
  created: boolean;
}

/** A notification as it goes out, its link absolute. */
export interface OutgoingNotification {
  event: 'notification' | 'test';
  key: string;
  title: string;
  message: string;
  link: string | null;
  data: Record<string, unknown> | null;
}

/** Refuses what no caller should send: a programming error, not a user's. */
export function checkNotification(notification: Notification): void {
  const { key, title, message, link } = notification;
  const problems = [
    key.length < 1 || key.length > 200 ? 'key must be 1 to 200 characters' : undefined,
    title.trim().length < 1 || title.length > 200 ? 'title must be 1 to 200 characters' : undefined,
    message.trim().length < 1 || message.length > 4000 ? 'message must be 1 to 4,000 characters' : undefined,
    link !== undefined && !link.startsWith('/') && !/^https?:\/\//.test(link)
      ? 'link must be a path (/…) or an http(s) URL'
      : undefined,
  ].filter(Boolean);
  if (problems.length > 0) throw new Error(`Invalid notification: ${problems.join('; ')}`);
}

/** The link as people open it: paths in the web app are made absolute with the public URL. */
export function absoluteLink(link: string | null | undefined, publicUrl: string): string | null {
  if (!link) return null;
  return link.startsWith('/') ? `${publicUrl.replace(/\/+$/, '')}${link}` : link;
}
