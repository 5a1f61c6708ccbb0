import { Injectable } from '@nestjs/common';
import type { RequestScope } from '../../../core/identity/scoping/request-scope';
import { UsersService } from '../../../core/identity/users/users.service';
import { CheapestQuery, PlacedStation } from './station-fields';
import {
  GradePrices,
  gradePrices,
  PricePoint,
  pricePointOf,
  PriceUnit,
  rankByLastPrice,
  usualGrade,
} from './station-prices';
import { StationPurchases } from './station-purchases';
import { StationsService } from './stations.service';

export interface StationPriceReport {
  /** Per grade and currency, the grade bought most often first. */
  grades: GradePrices[];
  /** Every purchase's price, oldest first (the chart). */
  history: PricePoint[];
}

export interface CheapestStations {
  /** The grade compared: as asked, or the one the caller buys most often. Null: no purchases to compare. */
  grade: string | null;
  currency: string;
  /** Null when nothing was compared. */
  unit: PriceUnit | null;
  items: { station: PlacedStation & { distance: number }; prices: GradePrices }[];
}

export const defaultCheapestRadiusMeters = 10_000;

/** What the caller paid at their stations (from their fill-ups), in their volume unit. */
@Injectable()
export class StationPricesService {
  constructor(
    private readonly stations: StationsService,
    private readonly purchases: StationPurchases,
    private readonly users: UsersService,
  ) {}

  async of(scope: RequestScope, stationId: string): Promise<StationPriceReport> {
    const station = await this.stations.get(scope, stationId);
    const history = await this.points(scope, [station.id]);
    return { grades: gradePrices(history), history };
  }

  async cheapest(scope: RequestScope, query: CheapestQuery): Promise<CheapestStations> {
    const currency = query.currency ?? (await this.users.findCaller(scope)).currency;
    const radius = query.radius ?? defaultCheapestRadiusMeters;
    const nearby = (await this.stations.near(scope, query)).filter((entry) => entry.distance <= radius);
    const points = await this.points(
      scope,
      nearby.map((entry) => entry.station.id),
    );
    const grade = query.grade?.trim().toLowerCase() || usualGrade(points, currency);
    if (!grade) return { grade: null, currency, unit: null, items: [] };
    const ranked = rankByLastPrice(
      nearby.map((entry) => ({ ...entry, id: entry.station.id })),
      gradePrices(points),
      { grade, currency },
    );
    return {
      grade,
      currency,
      unit: ranked[0]?.prices.unit ?? null,
      items: ranked.map(({ station: { id: _id, ...station }, prices }) => ({ station, prices })),
    };
  }

  private async points(scope: RequestScope, stationIds: string[]): Promise<PricePoint[]> {
    const [user, purchases] = await Promise.all([this.users.findCaller(scope), this.purchases.of(scope, stationIds)]);
    return purchases.map((purchase) => pricePointOf(purchase, user.volumeUnit));
  }
}
