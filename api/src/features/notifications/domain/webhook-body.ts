import type { OutgoingNotification } from './notification';

/** ntfy priority 4 ("high": sound and pop-up); Gotify 4 (a normal notification with sound). */
const priority = 4;

/**
 * The JSON every webhook receives. One shape serves both push services as they are:
 *
 * - **Gotify** (`POST https://gotify.example.com/message?token=<app token>`) reads `title`,
 *   `message`, `priority` and `extras` (the click URL for its Android app) and ignores the rest.
 * - **ntfy** reads JSON only when it is posted to the server's root URL, with the topic in the body:
 *   use `https://ntfy.sh/?topic=<topic>`, and `topic` is taken from that query parameter. It reads
 *   `topic`, `title`, `message`, `priority`, `tags` and `click`, and ignores the rest.
 *
 * Other receivers get the same body; `source`, `event`, `key`, `link`, `data` and `sentAt` are ours.
 * No field may share a name with one the services read differently (ntfy's `email`, `delay`,
 * `attach`; Gotify's `id`, `date`).
 */
export function webhookBody(url: string, notification: OutgoingNotification, sentAt: Date): Record<string, unknown> {
  const topic = new URL(url).searchParams.get('topic');
  const { event, key, title, message, link, data } = notification;
  return {
    ...(topic ? { topic } : {}),
    title,
    message,
    priority,
    tags: ['wrench'],
    ...(link ? { click: link, extras: { 'client::notification': { click: { url: link } } } } : {}),
    source: 'motovaultpro',
    event,
    key,
    link,
    data,
    sentAt: sentAt.toISOString(),
  };
}
