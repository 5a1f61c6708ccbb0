import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { PartValues } from './maintenance-parts.repository';
import { MaintenancePartEntity, MaintenanceRecordEntity } from './maintenance-record.entity';

/** A new record's columns, as the service has worked them out (the owner and the times are the database's). */
export type NewRecordRow = Omit<MaintenanceRecordEntity, 'id' | 'userId' | 'createdAt' | 'updatedAt' | 'deletedAt'>;

export interface InsertedRow {
  id: string;
  performed_at: string;
  odometer: number;
  labour_cost: number | null;
  total_cost: number | null;
  currency: string;
  created_at: Date;
  updated_at: Date;
  parts: {
    id: string;
    position: number;
    name: string;
    part_number: string | null;
    quantity: number;
    unit_cost: number;
  }[];
}

/**
 * The statement that inserts a record of the user and its parts (in their order), and answers both
 * as stored (numbers at their columns' scale) in one row. (The bench's bare server runs it too.)
 */
export function recordInsertStatement(
  userId: string,
  row: NewRecordRow,
  parts: readonly PartValues[],
): { text: string; values: unknown[] } {
  const partRows = parts.map((part, position) => ({
    id: randomUUID(),
    position,
    name: part.name,
    part_number: part.partNumber,
    quantity: part.quantity,
    unit_cost: part.unitCost,
  }));
  return {
    text: `with inserted as (
       insert into public.maintenance_records (id, user_id, vehicle_id, performed_at, odometer, category, service_key,
                                               title, notes, labour_cost, total_cost, currency, shop, tags)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
       returning *),
     parts as (
       insert into public.maintenance_parts (id, record_id, position, name, part_number, quantity, unit_cost)
       select p.id, i.id, p.position, p.name, p.part_number, p.quantity, p.unit_cost
         from inserted i,
              jsonb_to_recordset($15::jsonb)
                as p(id uuid, position integer, name text, part_number text, quantity numeric, unit_cost numeric)
       returning *)
     select i.id, i.performed_at::text as performed_at, i.odometer::float8 as odometer,
            i.labour_cost::float8 as labour_cost, i.total_cost::float8 as total_cost, i.currency, i.created_at, i.updated_at,
            (select coalesce(jsonb_agg(jsonb_build_object(
                      'id', p.id, 'position', p.position, 'name', p.name, 'part_number', p.part_number,
                      'quantity', p.quantity::float8, 'unit_cost', p.unit_cost::float8) order by p.position), '[]')
               from parts p) as parts
       from inserted i`,
    values: [
      randomUUID(),
      userId,
      row.vehicleId,
      row.performedAt,
      row.odometer,
      row.category,
      row.serviceKey,
      row.title,
      row.notes,
      row.labourCost,
      row.totalCost,
      row.currency,
      row.shop,
      row.tags,
      JSON.stringify(partRows),
    ],
  };
}

/**
 * Inserts a record of the user and its parts in one statement (`recordInsertStatement`); both as
 * stored, so nothing needs reading back.
 */
export async function insertRecordWithParts(
  db: EntityManager,
  userId: string,
  row: NewRecordRow,
  parts: readonly PartValues[],
): Promise<{ record: MaintenanceRecordEntity; parts: MaintenancePartEntity[] }> {
  const statement = recordInsertStatement(userId, row, parts);
  const [stored]: InsertedRow[] = await db.query(statement.text, statement.values);
  const record = Object.assign(new MaintenanceRecordEntity(), {
    id: stored.id,
    userId,
    vehicleId: row.vehicleId,
    performedAt: stored.performed_at,
    odometer: stored.odometer,
    category: row.category,
    serviceKey: row.serviceKey,
    title: row.title,
    notes: row.notes,
    labourCost: stored.labour_cost,
    totalCost: stored.total_cost,
    currency: stored.currency,
    shop: row.shop,
    tags: row.tags,
    createdAt: stored.created_at,
    updatedAt: stored.updated_at,
    deletedAt: null,
  });
  const storedParts = stored.parts.map((part) =>
    Object.assign(new MaintenancePartEntity(), {
      id: part.id,
      recordId: stored.id,
      position: part.position,
      name: part.name,
      partNumber: part.part_number,
      quantity: part.quantity,
      unitCost: part.unit_cost,
    }),
  );
  return { record, parts: storedParts };
}
