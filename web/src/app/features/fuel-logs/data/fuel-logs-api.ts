import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { ApiQuery } from '../../../core/api/api-schema';
import { AllFuelStats, FuelLog, FuelLogFields, FuelLogPage, FuelRange, FuelStats, NewFuelLog } from './fuel-log';

/** A vehicle, a date range (`from <= filledAt < to`), a page (`pageSize` at most 100). */
export type FuelLogQuery = ApiQuery<'/api/fuel-logs'>;

const fuelLogsUrl = '/api/fuel-logs';
const fuelLogUrl = (id: string) => `${fuelLogsUrl}/${encodeURIComponent(id)}`;

/** Fill-ups (`/api/fuel-logs`) and the fuel statistics; errors are problem+json. */
@Injectable({ providedIn: 'root' })
export class FuelLogsApi {
  private readonly http = inject(HttpClient);

  /** Newest first, each with its economy or the reason it has none. */
  list(query: FuelLogQuery = {}): Observable<FuelLogPage> {
    return this.http.get<FuelLogPage>(fuelLogsUrl, { params: paramsOf(query) });
  }

  get(id: string): Observable<FuelLog> {
    return this.http.get<FuelLog>(fuelLogUrl(id));
  }

  /** An odometer reading that goes backwards along date order is a 400 naming its neighbours. */
  create(input: NewFuelLog): Observable<FuelLog> {
    return this.http.post<FuelLog>(fuelLogsUrl, input);
  }

  update(id: string, patch: FuelLogFields): Observable<FuelLog> {
    return this.http.patch<FuelLog>(fuelLogUrl(id), patch);
  }

  /** A soft delete: `restore` brings it back. */
  remove(id: string): Observable<void> {
    return this.http.delete<void>(fuelLogUrl(id));
  }

  restore(id: string): Observable<FuelLog> {
    return this.http.post<FuelLog>(`${fuelLogUrl(id)}/restore`, null);
  }

  vehicleStats(vehicleId: string, range: FuelRange = {}): Observable<FuelStats> {
    return this.http.get<FuelStats>(`/api/vehicles/${encodeURIComponent(vehicleId)}/fuel-stats`, {
      params: paramsOf(range),
    });
  }

  /** Only vehicles with fill-ups in the range are listed. */
  allStats(range: FuelRange = {}): Observable<AllFuelStats> {
    return this.http.get<AllFuelStats>('/api/fuel-stats', { params: paramsOf(range) });
  }
}

function paramsOf(query: object): Record<string, string | number> {
  const params: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(query)) {
    if (typeof value === 'string' || typeof value === 'number') params[key] = value;
  }
  return params;
}
