import { NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager, FindOptionsOrder, FindOptionsWhere, IsNull, MoreThan, Not, Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

/** What every user table has (docs/architecture.md, "Adding a capsule"), under these property names. */
export interface UserOwned {
  id: string;
  userId: string;
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
}

export interface ListOptions<E> {
  /** 1-based; default 1. */
  page?: number;
  /** Default 25. */
  pageSize?: number;
  /** Default newest first (`createdAt DESC`). */
  order?: FindOptionsOrder<E>;
  /** Extra conditions; `userId` is always the scope's, whatever this says. */
  where?: FindOptionsWhere<E>;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** Fields a caller may never set through create or update: the scope owns them. */
type Owned = 'id' | 'userId' | 'createdAt' | 'updatedAt' | 'deletedAt';
export type NewValues<E extends UserOwned> = Omit<QueryDeepPartialEntity<E>, Owned>;
export type Patch<E extends UserOwned> = Omit<QueryDeepPartialEntity<E>, Owned>;

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The one way to a user table. `forUser(caller.userId)` gives queries that all carry
 * `user_id = :userId` and skip soft-deleted rows (restore excepted). Another user's id, a deleted
 * row's id and a malformed id are all the same 404: nobody learns whether a record exists.
 *
 * Services reach it through the request's scope (`RequestScope.of`), never with a user id of their own:
 *
 * ```ts
 * private readonly vehicles = new UserScopedRepository(repository, 'No such vehicle.');
 * get(scope: RequestScope, id: string) { return scope.of(this.vehicles).findOne(id); }
 * ```
 */
export class UserScopedRepository<E extends UserOwned> {
  constructor(
    readonly repository: Repository<E>,
    private readonly notFoundDetail = 'Nothing is here.',
  ) {}

  /** The same table inside a transaction: `scope.of(this.vehicles.within(manager))`. */
  within(manager: EntityManager): UserScopedRepository<E> {
    return new UserScopedRepository(manager.getRepository<E>(this.repository.target), this.notFoundDetail);
  }

  forUser(userId: string): UserScope<E> {
    if (!uuid.test(userId)) throw new Error('A user scope needs the caller’s users.id');
    return new UserScope(this.repository, userId, this.notFoundDetail);
  }
}

export class UserScope<E extends UserOwned> {
  constructor(
    private readonly repository: Repository<E>,
    readonly userId: string,
    private readonly notFoundDetail: string,
  ) {}

  async list(options: ListOptions<E> = {}): Promise<Page<E>> {
    const page = Math.max(1, Math.trunc(options.page ?? 1));
    const pageSize = Math.min(500, Math.max(1, Math.trunc(options.pageSize ?? 25)));
    const [items, total] = await this.repository.findAndCount({
      where: { ...options.where, ...this.owner() },
      order: options.order ?? ({ createdAt: 'DESC', id: 'ASC' } as FindOptionsOrder<E>),
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { items, total, page, pageSize };
  }

  /** Every live record (for reports across them); `list` for anything a person pages through. */
  all(options: Pick<ListOptions<E>, 'where' | 'order'> = {}): Promise<E[]> {
    return this.repository.find({
      where: { ...options.where, ...this.owner() },
      order: options.order ?? ({ createdAt: 'DESC', id: 'ASC' } as FindOptionsOrder<E>),
    });
  }

  /**
   * Up to `limit` live records with ids after `after` (null: from the first), in id order: a keyset
   * page, for going through every record of a big table (an export) without an offset.
   */
  pageAfter(after: string | null, limit: number): Promise<E[]> {
    const where = after === null ? this.owner() : ({ ...this.owner(), id: MoreThan(after) } as FindOptionsWhere<E>);
    return this.repository.find({ where, order: { id: 'ASC' } as FindOptionsOrder<E>, take: limit });
  }

  /** The live record, or a 404. */
  async findOne(id: string): Promise<E> {
    const found = uuid.test(id) ? await this.repository.findOne({ where: this.byId(id) }) : null;
    if (!found) throw this.notFound();
    return found;
  }

  /**
   * The live record, locked until the caller's transaction ends (`select … for update`), or a 404:
   * finding it owned and holding it in one statement. Only on a repository `within` a transaction.
   */
  async findOneForUpdate(id: string): Promise<E> {
    if (!uuid.test(id)) throw this.notFound();
    // Plain SQL, hydrated as TypeORM would: its query builder costs more than the statement on a write path.
    const { metadata } = this.repository;
    const column = (property: keyof UserOwned) => `"${metadata.findColumnWithPropertyName(property)!.databaseName}"`;
    const [row]: Record<string, unknown>[] = await this.repository.query(
      `select * from ${metadata.tablePath}
        where ${column('id')} = $1 and ${column('userId')} = $2 and ${column('deletedAt')} is null for update`,
      [id, this.userId],
    );
    if (!row) throw this.notFound();
    const { driver } = this.repository.manager.connection;
    const entity = metadata.create() as Record<string, unknown>;
    for (const column of metadata.columns) {
      entity[column.propertyName] = driver.prepareHydratedValue(row[column.databaseName], column);
    }
    return entity as E;
  }

  /**
   * Inserts a record under a new id, or under `id` when its id had to be known before (a stored file's
   * key); `createdAt` only for one brought back from an export (default now).
   */
  async create(values: NewValues<E>, id: string = randomUUID(), createdAt?: Date): Promise<E> {
    if (!uuid.test(id)) throw new Error('A record id is a UUID');
    const row = { ...stripOwned(values), id, userId: this.userId, ...(createdAt ? { createdAt } : {}) };
    await this.repository.insert(row as QueryDeepPartialEntity<E>);
    return this.findOne(id);
  }

  /**
   * Inserts many new records at once (an import), in chunks; their ids, in the order given. Each
   * chunk is one statement with one parameter, the rows as JSON read back as the table's row type:
   * TypeORM's own multi-row insert spends more building the statement than the database writing it.
   */
  async createMany(values: NewValues<E>[], chunkSize = 2000): Promise<string[]> {
    const ids = values.map(() => randomUUID());
    if (values.length === 0) return ids;
    const { metadata } = this.repository;
    const given = new Set(['id', 'userId']);
    for (const value of values) for (const key of Object.keys(value)) if (!ownedKeys.has(key)) given.add(key);
    const columns = metadata.columns.filter((column) => given.has(column.propertyName));
    const names = columns.map((column) => `"${column.databaseName}"`).join(', ');
    const sql =
      `insert into ${metadata.tablePath} (${names}) ` +
      `select ${names} from jsonb_populate_recordset(null::${metadata.tablePath}, $1::jsonb)`;
    for (let start = 0; start < values.length; start += chunkSize) {
      const rows: Record<string, unknown>[] = [];
      for (let index = start; index < Math.min(start + chunkSize, values.length); index++) {
        const value = values[index] as Record<string, unknown>;
        const row: Record<string, unknown> = {};
        for (const { propertyName, databaseName } of columns) {
          row[databaseName] =
            propertyName === 'id'
              ? ids[index]
              : propertyName === 'userId'
                ? this.userId
                : (value[propertyName] ?? null);
        }
        rows.push(row);
      }
      await this.repository.query(sql, [JSON.stringify(rows)]);
    }
    return ids;
  }

  /** Changes a live record and returns it; a 404 when there is none of this user's by that id. */
  async update(id: string, patch: Patch<E>): Promise<E> {
    const values = stripOwned(patch);
    if (Object.keys(values).length === 0) return this.findOne(id);
    await this.affectOne(id, values as QueryDeepPartialEntity<E>, IsNull());
    return this.findOne(id);
  }

  /** Marks a live record deleted; a 404 when there is none (already deleted included). */
  async softDelete(id: string): Promise<void> {
    await this.affectOne(id, { deletedAt: new Date() } as unknown as QueryDeepPartialEntity<E>, IsNull());
  }

  /** Brings a deleted record back (a live one is returned as it is); a 404 when this user has none by that id. */
  async restore(id: string): Promise<E> {
    if (!uuid.test(id)) throw this.notFound();
    await this.repository.update(
      { ...this.byId(id), deletedAt: Not(IsNull()) } as FindOptionsWhere<E>,
      { deletedAt: null } as unknown as QueryDeepPartialEntity<E>,
    );
    return this.findOne(id);
  }

  private async affectOne(id: string, values: QueryDeepPartialEntity<E>, deletedAt: ReturnType<typeof IsNull>) {
    if (!uuid.test(id)) throw this.notFound();
    const result = await this.repository.update({ ...this.byId(id), deletedAt } as FindOptionsWhere<E>, values);
    if (!result.affected) throw this.notFound();
  }

  private owner(): FindOptionsWhere<E> {
    return { userId: this.userId } as FindOptionsWhere<E>;
  }

  private byId(id: string): FindOptionsWhere<E> {
    return { id, userId: this.userId } as FindOptionsWhere<E>;
  }

  private notFound(): NotFoundException {
    return new NotFoundException(this.notFoundDetail);
  }
}

/** The columns a record's owner and the database set, never a caller. */
const ownedKeys = new Set(['id', 'userId', 'createdAt', 'updatedAt', 'deletedAt']);

function stripOwned<T extends object>(values: T): T {
  const copy = { ...values } as Record<string, unknown>;
  for (const key of ownedKeys) delete copy[key];
  return copy as T;
}
