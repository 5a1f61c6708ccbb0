import { Injectable } from '@nestjs/common';
import type { RequestScope } from '../../../core/identity/scoping/request-scope';

/** One purchase at a saved station, as the capsule that records purchases (fuel-logs) reports it. */
export interface StationPurchase {
  stationId: string;
  filledAt: Date;
  fuelType: string | null;
  fuelGrade: string | null;
  quantity: number;
  quantityUnit: 'l' | 'gal_us' | 'gal_uk' | 'kwh';
  pricePerUnit: number;
  currency: string;
}

/** A capsule that records purchases at stations: it registers itself with `StationPurchases` when its module starts. */
export interface StationPurchaseSource {
  /** The caller's live purchases at these stations (all of their stations when `stationIds` is omitted), oldest first. */
  purchases(scope: RequestScope, stationIds?: string[]): Promise<StationPurchase[]>;
}

/**
 * Where station prices come from. Fuel-logs registers here, so stations never depends on it: the
 * dependency points from fill-ups to the stations they name.
 */
@Injectable()
export class StationPurchases {
  private readonly sources: StationPurchaseSource[] = [];

  register(source: StationPurchaseSource): void {
    this.sources.push(source);
  }

  async of(scope: RequestScope, stationIds?: string[]): Promise<StationPurchase[]> {
    if (stationIds?.length === 0) return [];
    const found = await Promise.all(this.sources.map((source) => source.purchases(scope, stationIds)));
    return found.flat().sort((a, b) => a.filledAt.getTime() - b.filledAt.getTime());
  }
}
