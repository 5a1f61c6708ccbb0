import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, map } from 'rxjs';
import { ApiSchema } from '../../../core/api/api-schema';

export type CalendarFeed = ApiSchema<'CalendarFeedDto'>;

const feedUrl = '/api/maintenance/calendar-feed';

/** The secret iCal address of the user's reminders: read it, make a new one (the old one stops), revoke it. */
@Injectable({ providedIn: 'root' })
export class CalendarFeedApi {
  private readonly http = inject(HttpClient);

  current(): Observable<CalendarFeed | null> {
    return this.http.get<ApiSchema<'CalendarFeedStateDto'>>(feedUrl).pipe(map((state) => state.feed));
  }

  replace(): Observable<CalendarFeed> {
    return this.http.post<CalendarFeed>(feedUrl, null);
  }

  revoke(): Observable<void> {
    return this.http.delete<void>(feedUrl);
  }
}
