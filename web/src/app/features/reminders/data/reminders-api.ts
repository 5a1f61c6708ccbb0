import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, defer, map, tap } from 'rxjs';
import { allPages } from '../../../core/api/all-pages';
import {
  ApplyTemplates,
  DatedDueItem,
  DueList,
  DueListPage,
  NewReminder,
  Reminder,
  ReminderFields,
  ReminderPage,
  ReminderQuery,
  ReminderTemplate,
} from './reminder';

const remindersUrl = '/api/maintenance/reminders';
const reminderUrl = (id: string) => `${remindersUrl}/${encodeURIComponent(id)}`;

/** Reminders (`/api/maintenance/reminders`), what is due, and the built-in templates; errors are problem+json. */
@Injectable({ providedIn: 'root' })
export class RemindersApi {
  private readonly http = inject(HttpClient);

  /** Open reminders (of one vehicle, or all), most pressing first. */
  listAll(query: Omit<ReminderQuery, 'page' | 'pageSize'> = {}): Observable<Reminder[]> {
    return allPages((page, pageSize) =>
      this.http.get<ReminderPage>(remindersUrl, { params: { ...paramsOf(query), page, pageSize } }),
    );
  }

  /** What is overdue or due soon across the user's vehicles, overdue first, and the documents running out. */
  due(): Observable<DueList> {
    return defer(() => {
      let expiring: DatedDueItem[] = [];
      return allPages((page, pageSize) =>
        this.http
          .get<DueListPage>(`${remindersUrl}/due`, { params: { page, pageSize } })
          .pipe(tap((answer) => (expiring = answer.expiring))),
      ).pipe(map((reminders) => ({ reminders, expiring })));
    });
  }

  templates(vehicleId: string): Observable<ReminderTemplate[]> {
    return this.http.get<ReminderTemplate[]>(`${remindersUrl}/templates`, { params: { vehicleId } });
  }

  /** All or none; a 400 names `templates.<i>.<field>`. */
  applyTemplates(body: ApplyTemplates): Observable<Reminder[]> {
    return this.http.post<Reminder[]>(`${remindersUrl}/from-templates`, body);
  }

  create(input: NewReminder): Observable<Reminder> {
    return this.http.post<Reminder>(remindersUrl, input);
  }

  update(id: string, patch: ReminderFields): Observable<Reminder> {
    return this.http.patch<Reminder>(reminderUrl(id), patch);
  }

  /** A soft delete: `restore` brings it back. */
  remove(id: string): Observable<void> {
    return this.http.delete<void>(reminderUrl(id));
  }

  restore(id: string): Observable<Reminder> {
    return this.http.post<Reminder>(`${reminderUrl(id)}/restore`, null);
  }
}

function paramsOf(query: object): Record<string, string | number | boolean> {
  const params: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(query)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') params[key] = value;
  }
  return params;
}
