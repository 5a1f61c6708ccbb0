import { EntityManager } from 'typeorm';

/** Locks the vehicle's row until the caller's transaction ends: writers of one vehicle take turns. */
export async function lockVehicleRow(db: EntityManager, vehicleId: string): Promise<void> {
  await db.query('select 1 from public.vehicles where id = $1 for update', [vehicleId]);
}
