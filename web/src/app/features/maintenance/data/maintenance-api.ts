import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import {
  CompletedReminder,
  MaintenanceRecord,
  MaintenanceRecordFields,
  MaintenanceRecordPage,
  MaintenanceRecordQuery,
  NewMaintenanceRecord,
  ReminderCompletion,
} from './maintenance-record';

const recordsUrl = '/api/maintenance/records';
const recordUrl = (id: string) => `${recordsUrl}/${encodeURIComponent(id)}`;

/** Service records (`/api/maintenance/records`); errors are problem+json. */
@Injectable({ providedIn: 'root' })
export class MaintenanceApi {
  private readonly http = inject(HttpClient);

  /** Latest `performedAt` first, each with its parts. */
  list(query: MaintenanceRecordQuery = {}): Observable<MaintenanceRecordPage> {
    const params: Record<string, string | number> = {};
    for (const [key, value] of Object.entries(query)) {
      if (typeof value === 'string' || typeof value === 'number') params[key] = value;
    }
    return this.http.get<MaintenanceRecordPage>(recordsUrl, { params });
  }

  get(id: string): Observable<MaintenanceRecord> {
    return this.http.get<MaintenanceRecord>(recordUrl(id));
  }

  /** An odometer that goes backwards against the vehicle's other readings is a 400 naming the neighbour. */
  create(input: NewMaintenanceRecord): Observable<MaintenanceRecord> {
    return this.http.post<MaintenanceRecord>(recordsUrl, input);
  }

  /** Records the service a reminder asked for and moves the reminder on, in one step (its vehicle, not one of ours). */
  complete(reminderId: string, record: ReminderCompletion): Observable<CompletedReminder> {
    return this.http.post<CompletedReminder>(
      `/api/maintenance/reminders/${encodeURIComponent(reminderId)}/complete`,
      record,
    );
  }

  update(id: string, patch: MaintenanceRecordFields): Observable<MaintenanceRecord> {
    return this.http.patch<MaintenanceRecord>(recordUrl(id), patch);
  }

  /** A soft delete: `restore` brings it back. */
  remove(id: string): Observable<void> {
    return this.http.delete<void>(recordUrl(id));
  }

  restore(id: string): Observable<MaintenanceRecord> {
    return this.http.post<MaintenanceRecord>(`${recordUrl(id)}/restore`, null);
  }
}
