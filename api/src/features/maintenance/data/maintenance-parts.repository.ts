import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { EntityManager, In, Repository } from 'typeorm';
import { MaintenancePartEntity } from './maintenance-record.entity';

/** A part as a record holds it, before it has an id or a position. */
export type PartValues = Pick<MaintenancePartEntity, 'name' | 'partNumber' | 'quantity' | 'unitCost'>;

/**
 * The parts of records. Callers pass only ids of records they have already found in the caller's
 * scope: parts carry no `user_id` of their own, they belong to their record.
 */
@Injectable()
export class MaintenancePartsRepository {
  constructor(@InjectRepository(MaintenancePartEntity) private readonly parts: Repository<MaintenancePartEntity>) {}

  /** Each record's parts in order, by record id (an empty list for a record without parts). */
  async ofRecords(recordIds: string[]): Promise<Map<string, MaintenancePartEntity[]>> {
    const byRecord = new Map(recordIds.map((id) => [id, [] as MaintenancePartEntity[]]));
    if (recordIds.length === 0) return byRecord;
    const rows = await this.parts.find({ where: { recordId: In(recordIds) }, order: { position: 'ASC' } });
    for (const row of rows) byRecord.get(row.recordId)?.push(row);
    return byRecord;
  }

  /** Replaces the record's parts with `parts`, in their order, on the caller's transaction. */
  async replace(db: EntityManager, recordId: string, parts: readonly PartValues[]): Promise<void> {
    const table = db.getRepository(MaintenancePartEntity);
    await table.delete({ recordId });
    if (parts.length === 0) return;
    await table.insert(
      parts.map((part, position) => ({
        id: randomUUID(),
        recordId,
        position,
        name: part.name,
        partNumber: part.partNumber,
        quantity: part.quantity,
        unitCost: part.unitCost,
      })),
    );
  }
}
