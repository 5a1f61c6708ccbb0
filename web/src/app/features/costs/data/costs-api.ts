import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { AllCosts, CostsRange, VehicleCosts } from './costs';

/** Cost of ownership (`/api/vehicles/{id}/costs`, `/api/costs`); errors are problem+json. */
@Injectable({ providedIn: 'root' })
export class CostsApi {
  private readonly http = inject(HttpClient);

  /** One vehicle's; another user's or a deleted one is a 404. */
  vehicle(vehicleId: string, range: CostsRange = {}): Observable<VehicleCosts> {
    return this.http.get<VehicleCosts>(`/api/vehicles/${encodeURIComponent(vehicleId)}/costs`, {
      params: { ...range },
    });
  }

  /** All vehicles as one, in the profile's distance unit, and each vehicle with a cost in the range. */
  all(range: CostsRange = {}): Observable<AllCosts> {
    return this.http.get<AllCosts>('/api/costs', { params: { ...range } });
  }
}
