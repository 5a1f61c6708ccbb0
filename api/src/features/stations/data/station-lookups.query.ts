import { randomUUID } from 'node:crypto';
import { EntityManager, In } from 'typeorm';
import { StationEntity, StationOrigin } from './station.entity';

/** The user's station saved from a provider's result, live or deleted (saving it again brings it back). */
export function findByProviderRef(
  manager: EntityManager,
  userId: string,
  provider: Exclude<StationOrigin, 'manual'>,
  providerId: string,
): Promise<StationEntity | null> {
  return manager.getRepository(StationEntity).findOne({ where: { userId, provider, providerId }, withDeleted: true });
}

/**
 * The user's live hand-named station called `name` (case ignored), made when there is none. Two
 * requests naming a new station at once get the same one (the unique index decides).
 */
export async function findOrCreateManualStation(
  manager: EntityManager,
  userId: string,
  name: string,
): Promise<{ station: StationEntity; created: boolean }> {
  const inserted: unknown[] = await manager.query(
    `insert into public.stations (id, user_id, provider, name) values ($1, $2, 'manual', $3)
     on conflict do nothing returning id`,
    [randomUUID(), userId, name],
  );
  const station = await manager
    .getRepository(StationEntity)
    .createQueryBuilder('station')
    .where("station.user_id = :userId and station.provider = 'manual' and lower(station.name) = lower(:name)", {
      userId,
      name,
    })
    .andWhere('station.deleted_at is null')
    .getOneOrFail();
  return { station, created: inserted.length === 1 };
}

/** Names of the user's stations by id, deleted ones included (old fill-ups still name theirs). */
export async function stationNames(
  manager: EntityManager,
  userId: string,
  ids: string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await manager.getRepository(StationEntity).find({
    select: { id: true, name: true },
    where: { userId, id: In(ids) },
    withDeleted: true,
  });
  return new Map(rows.map((row) => [row.id, row.name]));
}

/**
 * The name of the user's station whose id is in `stationIdColumn` (deleted ones included), as a scalar
 * subquery for another capsule's list statement, so a fill-up names its station as it is called now
 * in the same round trip. `userIdParameter` is that statement's placeholder for the user id, e.g. `'$1'`.
 */
export function stationNameOf(stationIdColumn: string, userIdParameter: string): string {
  return `(select s.name from public.stations s where s.id = ${stationIdColumn} and s.user_id = ${userIdParameter})`;
}
