import { Injectable, OnModuleInit } from '@nestjs/common';
import type { RequestScope } from '../../../core/identity/scoping/request-scope';
import { CalendarDate, DatedDueItem, DatedDueItems, DatedDueItemSource } from '../../maintenance';
import { DocumentsRepository } from '../data/documents.repository';

/** Kinds whose expiry is something to act on (renew it), so it shows in the due list. */
const expiringKinds = ['insurance', 'registration'] as const;

/** Feeds the maintenance due list with insurance and registration expiries: each vehicle's latest of a kind. */
@Injectable()
export class DocumentExpiriesSource implements DatedDueItemSource, OnModuleInit {
  constructor(
    private readonly dueItems: DatedDueItems,
    private readonly repository: DocumentsRepository,
  ) {}

  onModuleInit(): void {
    this.dueItems.register(this);
  }

  async dueBy(scope: RequestScope, until: CalendarDate): Promise<DatedDueItem[]> {
    const expiries = await this.repository.latestExpiries(scope.userId, expiringKinds, until);
    return expiries.map((expiry) => ({
      source: 'document',
      id: expiry.id,
      title: expiry.title,
      kind: expiry.kind,
      vehicleId: expiry.vehicleId,
      dueDate: expiry.expiresOn,
    }));
  }
}
