import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RequestScope } from '../../../core/identity/scoping/request-scope';
import {
  MonthlyServiceCost,
  MonthlyServiceCostQuery,
  readMonthlyServiceCosts,
} from '../data/maintenance-cost-months.query';

export type { MonthlyServiceCost, MonthlyServiceCostQuery };

/** For reports across capsules (the costs read model): what the caller's maintenance cost, per month. */
@Injectable()
export class MaintenanceCostsService {
  constructor(private readonly dataSource: DataSource) {}

  /** Sums per vehicle, calendar month and currency of the caller's live records that have a total. */
  monthly(scope: RequestScope, query: MonthlyServiceCostQuery): Promise<MonthlyServiceCost[]> {
    return readMonthlyServiceCosts(this.dataSource.manager, scope.userId, query);
  }
}
