import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RequestScope } from '../../../core/identity/scoping/request-scope';
import { StationPurchase, StationPurchases, StationPurchaseSource } from '../../stations';
import { readStationPurchases } from '../data/station-purchases.query';

/** Tells stations what the user paid at each of them: every live fill-up that names a saved station. */
@Injectable()
export class FillUpPurchasesSource implements StationPurchaseSource, OnModuleInit {
  constructor(
    private readonly registry: StationPurchases,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  purchases(scope: RequestScope, stationIds?: string[]): Promise<StationPurchase[]> {
    return readStationPurchases(this.dataSource.manager, scope.userId, stationIds);
  }
}
