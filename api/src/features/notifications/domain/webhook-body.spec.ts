import type { OutgoingNotification } from './notification';
import { webhookBody } from './webhook-body';

const notification: OutgoingNotification = {
  event: 'notification',
  key: 'reminder:1:overdue',
  title: 'Oil change is overdue',
  message: 'Overdue by 312 mi.',
  link: 'https://garage.example.com/maintenance',
  data: { reminderId: '1' },
};
const sentAt = new Date('2026-05-01T08:00:00Z');

describe('webhookBody', () => {
  it('carries the topic of an ntfy root URL (?topic=) and the fields ntfy and Gotify read', () => {
    expect(webhookBody('https://ntfy.sh/?topic=my-car', notification, sentAt)).toEqual({
      topic: 'my-car',
      title: 'Oil change is overdue',
      message: 'Overdue by 312 mi.',
      priority: 4,
      tags: ['wrench'],
      click: 'https://garage.example.com/maintenance',
      extras: { 'client::notification': { click: { url: 'https://garage.example.com/maintenance' } } },
      source: 'motovaultpro',
      event: 'notification',
      key: 'reminder:1:overdue',
      link: 'https://garage.example.com/maintenance',
      data: { reminderId: '1' },
      sentAt: '2026-05-01T08:00:00.000Z',
    });
  });

  it('leaves out the topic without one (Gotify), and the click fields without a link', () => {
    const body = webhookBody('https://gotify.example.com/message?token=AbC', { ...notification, link: null }, sentAt);
    expect(body).not.toHaveProperty('topic');
    expect(body).not.toHaveProperty('click');
    expect(body).not.toHaveProperty('extras');
    expect(body).toMatchObject({ title: 'Oil change is overdue', message: 'Overdue by 312 mi.', priority: 4 });
  });

  it('never uses a field name that ntfy or Gotify read as something else', () => {
    const body = webhookBody('https://ntfy.sh/?topic=x', notification, sentAt);
    for (const taken of ['email', 'delay', 'attach', 'call', 'actions', 'id', 'appid', 'date']) {
      expect(body).not.toHaveProperty(taken);
    }
  });
});
