import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { API_CONFIG, ApiConfig } from '../../../core/config/api.config';
import { RequestScope } from '../../../core/identity/scoping/request-scope';
import { CalendarFeedsRepository } from '../data/calendar-feeds.repository';
import { DatedDueItems } from './dated-due-items';
import { RemindersService } from './reminders.service';
import { remindersCalendar } from './reminders-calendar';

export interface CalendarFeed {
  url: string;
  createdAt: Date;
}

/** Feed secrets: 32 random bytes, base64url (43 characters). */
const TOKEN_BYTES = 32;
const feedFile = /^([A-Za-z0-9_-]{43})\.ics$/;

/**
 * A user's reminders (and the expiries of their insurance and registration documents) as an iCalendar feed at a secret URL, for calendar apps that cannot sign in.
 * The URL is the only key: whoever has it reads the feed, so it can be replaced or revoked at once.
 */
@Injectable()
export class CalendarFeedService {
  private readonly publicUrl: string;

  constructor(
    private readonly feeds: CalendarFeedsRepository,
    private readonly reminders: RemindersService,
    private readonly dated: DatedDueItems,
    @Inject(API_CONFIG) config: ApiConfig,
  ) {
    this.publicUrl = config.PUBLIC_URL.replace(/\/+$/, '');
  }

  async current(scope: RequestScope): Promise<CalendarFeed | null> {
    const feed = await this.feeds.ofUser(scope.userId);
    return feed ? this.withUrl(feed) : null;
  }

  /** A new secret URL; the previous one (if any) stops working. */
  async replace(scope: RequestScope): Promise<CalendarFeed> {
    return this.withUrl(await this.feeds.replace(scope.userId, randomBytes(TOKEN_BYTES).toString('base64url')));
  }

  async revoke(scope: RequestScope): Promise<void> {
    await this.feeds.remove(scope.userId);
  }

  /** The calendar behind `<token>.ics`; a 404 for an unknown or revoked one, told apart from nothing. */
  async render(file: string): Promise<string> {
    const token = feedFile.exec(file)?.[1];
    const userId = token && (await this.feeds.userOf(token));
    if (!userId) throw new NotFoundException('No such calendar feed.');
    const scope = RequestScope.onBehalfOf(userId);
    const [reminders, expiries] = await Promise.all([this.reminders.allOpen(scope), this.dated.all(scope)]);
    return remindersCalendar(reminders, expiries, this.publicUrl).toString();
  }

  private withUrl(feed: { token: string; createdAt: Date }): CalendarFeed {
    return { url: `${this.publicUrl}/api/maintenance/calendar/${feed.token}.ics`, createdAt: feed.createdAt };
  }
}
