import { hash, verify } from '@node-rs/argon2';
import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { EntityManager, QueryFailedError, Repository } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { RequestScope } from '../scoping/request-scope';
import { UserEntity } from './user.entity';
import { pgPoolOf } from '@mvp/common';

export interface NewLocalAccount {
  email: string;
  password: string;
  displayName?: string;
}

export type PreferencesPatch = Partial<
  Pick<
    UserEntity,
    | 'displayName'
    | 'distanceUnit'
    | 'volumeUnit'
    | 'economyUnit'
    | 'currency'
    | 'locale'
    | 'timeZone'
    | 'dueSoonDays'
    | 'dueSoonDistance'
  >
>;

/** argon2id as OWASP recommends it (19 MiB, 2 passes), the library's defaults. */
const argon2Options = { algorithm: 2 as const };
const maxCachedSubjects = 10_000;
/** How long `findById` may answer from memory; this process's own writes refresh it at once. */
const recentUserTtlMs = 5_000;

@Injectable()
export class UsersService {
  /** sub → user id: a user row never changes its subject, so the lookup is cached for the process. */
  private readonly idsBySub = new Map<string, string>();
  /** Verified against when the email is unknown, so both answers take the same time. */
  private readonly decoyHash = hash('not-a-real-password', argon2Options);
  private findByIdSql?: string;
  /** id → row, briefly: see `findById`. */
  private readonly recentUsers = new Map<string, { user: UserEntity; until: number }>();

  constructor(@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>) {}

  async createLocalAccount(account: NewLocalAccount): Promise<UserEntity> {
    const id = randomUUID();
    const passwordHash = await hash(account.password, argon2Options);
    try {
      await this.users.insert({
        id,
        sub: id,
        email: account.email.trim(),
        displayName: account.displayName?.trim() || null,
        passwordHash,
      });
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505') {
        throw new ConflictException('An account with this email already exists.');
      }
      throw error;
    }
    return this.findById(id, { fresh: true });
  }

  /** The account when the email and password match; undefined otherwise, in the same time either way. */
  async verifyLocalPassword(email: string, password: string): Promise<UserEntity | undefined> {
    const user = await this.users
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('lower(user.email) = lower(:email) and user.password_hash is not null and user.deleted_at is null', {
        email: email.trim(),
      })
      .getOne();
    const matches = await verify(user?.passwordHash ?? (await this.decoyHash), password).catch(() => false);
    if (!user || !matches) return undefined;
    delete (user as Partial<UserEntity>).passwordHash;
    return user;
  }

  /**
   * The user by id. `GET /api/me` runs this on every call (every page load of the web app), so it is
   * one named (prepared) statement on the pg pool (TypeORM's `findOneBy` cost ~2.5× the whole
   * request), and rows are kept in memory for `recentUserTtlMs`. This process's writes refresh the
   * copy at once; a change made through another API replica shows here within that time.
   * `manager`: the caller's transaction, which reads it on its own connection (see `findCaller`).
   */
  async findById(id: string, options: { fresh?: boolean; manager?: EntityManager } = {}): Promise<UserEntity> {
    const now = Date.now();
    const recent = options.fresh ? undefined : this.recentUsers.get(id);
    if (recent && recent.until > now) return Object.assign(new UserEntity(), recent.user);
    if (options.manager) return this.readWithin(options.manager, id);
    const { rows } = await this.pool.query<UserEntity>({ name: 'users.findById', text: this.byIdSql, values: [id] });
    if (!rows[0]) {
      this.recentUsers.delete(id);
      throw new NotFoundException('No such user.');
    }
    if (this.recentUsers.size >= maxCachedSubjects) this.recentUsers.clear();
    this.recentUsers.set(id, { user: rows[0], until: now + recentUserTtlMs });
    return Object.assign(new UserEntity(), rows[0]);
  }

  /** Not kept in memory: the transaction may have changed the row and may yet roll back. */
  private async readWithin(manager: EntityManager, id: string): Promise<UserEntity> {
    const [row] = await manager.query<UserEntity[]>(this.byIdSql, [id]);
    if (!row) throw new NotFoundException('No such user.');
    return Object.assign(new UserEntity(), row);
  }

  private get pool(): Pool {
    return pgPoolOf(this.users.manager.connection);
  }

  private get byIdSql(): string {
    // pg hands `numeric` over as text, and this query skips the entity's transformers: cast it here.
    const selected = (column: ColumnMetadata) =>
      column.type === 'numeric' ? `"${column.databaseName}"::float8` : `"${column.databaseName}"`;
    this.findByIdSql ??= `select ${this.users.metadata.columns
      .filter((column) => column.isSelect)
      .map((column) => `${selected(column)} as "${column.propertyName}"`)
      .join(', ')} from ${this.users.metadata.tablePath} where id = $1 and deleted_at is null`;
    return this.findByIdSql;
  }

  async findByEmail(email: string): Promise<UserEntity | undefined> {
    const user = await this.users
      .createQueryBuilder('user')
      .where('lower(user.email) = lower(:email)', { email: email.trim() })
      .getOne();
    return user ?? undefined;
  }

  /**
   * The user id for a token subject, creating the row on first sight (Auth0 and other external
   * issuers' users too). Cached: the hot path of every authenticated request.
   */
  async idForSubject(sub: string, claims: { email?: string; name?: string } = {}): Promise<string> {
    const cached = this.idsBySub.get(sub);
    if (cached) return cached;
    const found = await this.users.findOne({ where: { sub }, select: { id: true }, withDeleted: true });
    let id = found?.id;
    if (!id) {
      id = randomUUID();
      await this.users
        .createQueryBuilder()
        .insert()
        .values({ id, sub, email: claims.email ?? null, displayName: claims.name ?? null })
        .orIgnore()
        .execute();
      id = (await this.users.findOneOrFail({ where: { sub }, select: { id: true }, withDeleted: true })).id;
    }
    if (this.idsBySub.size >= maxCachedSubjects) this.idsBySub.clear();
    this.idsBySub.set(sub, id);
    return id;
  }

  /**
   * The caller's own row: name, units, currency, time zone. Inside a transaction pass its `manager`:
   * a read past the cache would otherwise take a second pooled connection while the transaction
   * holds one, and enough such requests at once leave every connection waiting for another.
   */
  findCaller(scope: RequestScope, manager?: EntityManager): Promise<UserEntity> {
    return this.findById(scope.userId, { manager });
  }

  /**
   * Sets preferences in the caller's transaction (an import of our own export). This process reads
   * the new ones until the caller ends it with `findById(id, { fresh: true })` once the transaction
   * is over (committed or not), so the rest of the transaction works in them (a record's day in the
   * new time zone).
   */
  async updatePreferencesWithin(manager: EntityManager, scope: RequestScope, patch: PreferencesPatch): Promise<void> {
    if (Object.keys(patch).length === 0) return;
    await manager.update(UserEntity, { id: scope.userId }, patch);
    const user = await manager.findOneByOrFail(UserEntity, { id: scope.userId });
    this.recentUsers.set(scope.userId, { user, until: Infinity });
  }

  async updatePreferences(scope: RequestScope, patch: PreferencesPatch): Promise<UserEntity> {
    if (Object.keys(patch).length > 0) await this.users.update({ id: scope.userId }, patch);
    return this.findById(scope.userId, { fresh: true });
  }
}
