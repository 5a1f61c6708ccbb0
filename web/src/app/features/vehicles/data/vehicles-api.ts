import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { ApiQuery } from '../../../core/api/api-schema';
import { allPages } from '../../../core/api/all-pages';
import { CatalogEngine, CatalogItem, CatalogModel, Vehicle, VehicleInput, VehiclePage, VinDecode } from './vehicle';

/** `pageSize` at most 100. */
export type VehicleListQuery = ApiQuery<'/api/vehicles'>;

const vehiclesUrl = '/api/vehicles';
const catalogUrl = `${vehiclesUrl}/catalog`;

const vehicleUrl = (id: string) => `${vehiclesUrl}/${encodeURIComponent(id)}`;

/** The garage (`/api/vehicles`), its catalog lookups and the VIN decoder; errors are problem+json. */
@Injectable({ providedIn: 'root' })
export class VehiclesApi {
  private readonly http = inject(HttpClient);

  list(query: VehicleListQuery = {}): Observable<VehiclePage> {
    const params: Record<string, string | number> = {};
    for (const [key, value] of Object.entries(query)) if (value !== undefined) params[key] = value;
    return this.http.get<VehiclePage>(vehiclesUrl, { params });
  }

  /** Every vehicle the query matches, however many pages that takes: pickers and summaries need them all. */
  listAll(query: Omit<VehicleListQuery, 'page' | 'pageSize'> = {}): Observable<Vehicle[]> {
    return allPages((page, pageSize) => this.list({ ...query, page, pageSize }));
  }

  get(id: string): Observable<Vehicle> {
    return this.http.get<Vehicle>(vehicleUrl(id));
  }

  create(input: VehicleInput): Observable<Vehicle> {
    return this.http.post<Vehicle>(vehiclesUrl, input);
  }

  update(id: string, patch: VehicleInput): Observable<Vehicle> {
    return this.http.patch<Vehicle>(vehicleUrl(id), patch);
  }

  /** A soft delete: `restore` brings it back. */
  remove(id: string): Observable<void> {
    return this.http.delete<void>(vehicleUrl(id));
  }

  restore(id: string): Observable<Vehicle> {
    return this.http.post<Vehicle>(`${vehicleUrl(id)}/restore`, null);
  }

  /** Model years, newest first. */
  years(): Observable<number[]> {
    return this.http.get<number[]>(`${catalogUrl}/years`);
  }

  makes(year: number): Observable<CatalogItem[]> {
    return this.http.get<CatalogItem[]>(`${catalogUrl}/makes`, { params: { year } });
  }

  models(year: number, makeId: number): Observable<CatalogModel[]> {
    return this.http.get<CatalogModel[]>(`${catalogUrl}/models`, { params: { year, makeId } });
  }

  trims(year: number, modelId: number): Observable<CatalogItem[]> {
    return this.http.get<CatalogItem[]>(`${catalogUrl}/trims`, { params: { year, modelId } });
  }

  /** The model's engines that year; only the trim's own when `trimId` is given and the catalog links them. */
  engines(year: number, modelId: number, trimId?: number | null): Observable<CatalogEngine[]> {
    const params: Record<string, number> = { year, modelId };
    if (trimId) params['trimId'] = trimId;
    return this.http.get<CatalogEngine[]>(`${catalogUrl}/engines`, { params });
  }

  /** A bad VIN is a 400 problem with `vinProblem` and maybe `expectedCheckDigit`; 503 when the platform is down. */
  decodeVin(vin: string): Observable<VinDecode> {
    return this.http.get<VinDecode>(`${vehiclesUrl}/vin/${encodeURIComponent(vin)}`);
  }
}
