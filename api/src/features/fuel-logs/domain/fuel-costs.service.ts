import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RequestScope } from '../../../core/identity/scoping/request-scope';
import { MonthlyFuelCost, MonthlyFuelCostQuery, readMonthlyFuelCosts } from '../data/fuel-cost-months.query';

export type { MonthlyFuelCost, MonthlyFuelCostQuery };

/** For reports across capsules (the costs read model): what the caller's fill-ups cost, per month. */
@Injectable()
export class FuelCostsService {
  constructor(private readonly dataSource: DataSource) {}

  /** Sums per vehicle, calendar month in `query.timeZone` and currency; the caller's live fill-ups only. */
  monthly(scope: RequestScope, query: MonthlyFuelCostQuery): Promise<MonthlyFuelCost[]> {
    return readMonthlyFuelCosts(this.dataSource.manager, scope.userId, query);
  }
}
