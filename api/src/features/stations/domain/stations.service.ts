import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ProblemException, ValidationProblem } from '@mvp/common';
import { DataSource, EntityManager, QueryFailedError, Repository } from 'typeorm';
import type { RequestScope } from '../../../core/identity/scoping/request-scope';
import { Page, UserScopedRepository } from '../../../core/identity/scoping/user-scoped-repository';
import { StationEntity, StationOrigin } from '../data/station.entity';
import { findByProviderRef, findOrCreateManualStation, stationNames } from '../data/station-lookups.query';
import { metresBetween } from '../external/distance';
import { GeoPoint } from '../external/stations-provider';
import { NewStation, PlacedStation, StationFields, StationListQuery } from './station-fields';

const notFound = 'No such station.';

/** A fill-up's station as the fill-up form gives it: a saved one by id, or a name typed in. */
export interface FillUpStation {
  stationId?: string | null;
  stationName?: string | null;
}

/**
 * The caller's saved stations: found through a provider (saved once; saving again returns it, brought
 * back if deleted) or named by hand (once per name). Listed nearest first when the caller says where
 * they are, favorites first otherwise.
 */
@Injectable()
export class StationsService {
  private readonly stations: UserScopedRepository<StationEntity>;

  constructor(
    @InjectRepository(StationEntity) repository: Repository<StationEntity>,
    private readonly dataSource: DataSource,
  ) {
    this.stations = new UserScopedRepository(repository, notFound);
  }

  /** A user has tens of stations, not thousands: filtered and ordered here, then paged. */
  async list(scope: RequestScope, query: StationListQuery): Promise<Page<PlacedStation>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 25;
    const origin = originOf(query);
    const needle = query.q?.trim().toLowerCase();
    const matching = (await scope.of(this.stations).all())
      .filter((station) => query.favorite === undefined || station.isFavorite === query.favorite)
      .filter(
        (station) =>
          !needle ||
          [station.name, station.brand, station.address].some((text) => text?.toLowerCase().includes(needle)),
      )
      .map((station) => placed(station, origin))
      .sort(origin ? byDistance : favoritesThenName);
    return { items: matching.slice((page - 1) * pageSize, page * pageSize), total: matching.length, page, pageSize };
  }

  /** Every live station of the caller's with a known place, with its distance from `origin`. */
  async near(scope: RequestScope, origin: GeoPoint): Promise<(PlacedStation & { distance: number })[]> {
    return (await scope.of(this.stations).all())
      .map((station) => placed(station, origin))
      .filter((entry): entry is PlacedStation & { distance: number } => entry.distance !== null)
      .sort(byDistance);
  }

  /** The caller's live stations saved from `provider`'s results, by the provider's id. */
  async savedFrom(scope: RequestScope, provider: StationOrigin): Promise<Map<string, StationEntity>> {
    const saved = await scope.of(this.stations).all({ where: { provider } });
    return new Map(saved.map((station) => [station.providerId!, station]));
  }

  /** The caller's live saved stations in id order, up to `limit` after the id `after` (null: from the first): a keyset page for the export. */
  exportPage(scope: RequestScope, after: string | null, limit: number): Promise<StationEntity[]> {
    return scope.of(this.stations).pageAfter(after, limit);
  }

  /** `manager`: the caller's transaction. */
  get(scope: RequestScope, id: string, manager?: EntityManager): Promise<StationEntity> {
    return scope.of(manager ? this.stations.within(manager) : this.stations).findOne(id);
  }

  /**
   * The saved station and whether this call made it (false: it was saved already, and is returned,
   * live). `manager`: the caller's transaction, for a station named by hand (an import writes them in its own).
   */
  async create(
    scope: RequestScope,
    input: NewStation,
    manager?: EntityManager,
  ): Promise<{ station: StationEntity; created: boolean }> {
    const provider = input.provider ?? 'manual';
    if (input.name === undefined) throw new ValidationProblem([{ field: 'name', message: 'is required' }]);
    checkPlace(input);
    if (provider === 'manual') {
      if (input.providerId !== undefined) {
        throw new ValidationProblem([{ field: 'providerId', message: 'is only for stations from a provider' }]);
      }
      const save = async (db: EntityManager) => {
        const { station, created } = await findOrCreateManualStation(db, scope.userId, input.name);
        if (!created) return { station, created };
        return { station: await scope.of(this.stations.within(db)).update(station.id, fieldsOf(input)), created };
      };
      return manager ? save(manager) : this.dataSource.transaction(save);
    }
    if (!input.providerId)
      throw new ValidationProblem([{ field: 'providerId', message: `is required with provider ${provider}` }]);
    return this.saveFromProvider(scope, { ...input, provider, providerId: input.providerId }, manager);
  }

  private async saveFromProvider(
    scope: RequestScope,
    input: NewStation & { provider: Exclude<StationOrigin, 'manual'>; providerId: string },
    manager?: EntityManager,
  ): Promise<{ station: StationEntity; created: boolean }> {
    const stations = scope.of(manager ? this.stations.within(manager) : this.stations);
    const existing = await findByProviderRef(
      manager ?? this.dataSource.manager,
      scope.userId,
      input.provider,
      input.providerId,
    );
    if (existing) {
      const station = existing.deletedAt ? await stations.restore(existing.id) : existing;
      return { station, created: false };
    }
    try {
      const values = { provider: input.provider, providerId: input.providerId, ...defaults, ...fieldsOf(input) };
      return { station: await stations.create(values), created: true };
    } catch (error) {
      // Saved by another request between the lookup and the insert (a double click): that one is it.
      // Inside the caller's transaction the failed insert has ended it, so the error stands.
      if (!manager && constraintOf(error) === 'stations_provider_ref') return this.saveFromProvider(scope, input);
      throw error;
    }
  }

  async update(scope: RequestScope, id: string, patch: StationFields): Promise<StationEntity> {
    const current = await scope.of(this.stations).findOne(id);
    checkPlace({ ...current, ...patch });
    return nameTaken(() => scope.of(this.stations).update(id, fieldsOf(patch)));
  }

  remove(scope: RequestScope, id: string): Promise<void> {
    return scope.of(this.stations).softDelete(id);
  }

  restore(scope: RequestScope, id: string): Promise<StationEntity> {
    return nameTaken(() => scope.of(this.stations).restore(id));
  }

  /**
   * For a fill-up being written (inside its transaction): the station it names. A saved station must
   * be the caller's and live (a 404 otherwise); a typed name becomes the caller's hand-named station of
   * that name. `undefined` leaves the fill-up's station as it is, `null` clears it.
   */
  async forFillUp(
    scope: RequestScope,
    given: FillUpStation,
    manager: EntityManager,
  ): Promise<{ stationId: string | null; stationName: string | null } | undefined> {
    if (given.stationId) {
      const station = await scope.of(this.stations.within(manager)).findOne(given.stationId);
      return { stationId: station.id, stationName: station.name };
    }
    if (given.stationName) {
      const { station } = await findOrCreateManualStation(manager, scope.userId, given.stationName);
      return { stationId: station.id, stationName: station.name };
    }
    if (given.stationId === null || given.stationName === null) return { stationId: null, stationName: null };
    return undefined;
  }

  /** Current names of the caller's stations by id, deleted ones included, for records that name one. */
  namesOf(scope: RequestScope, ids: string[]): Promise<Map<string, string>> {
    return stationNames(this.dataSource.manager, scope.userId, [...new Set(ids)]);
  }
}

const defaults = {
  brand: null,
  address: null,
  latitude: null,
  longitude: null,
  fuelTypes: [],
  isFavorite: false,
  notes: null,
};

function fieldsOf(input: StationFields): StationFields {
  const { name, brand, address, latitude, longitude, fuelTypes, isFavorite, notes } = input;
  const fields = { name, brand, address, latitude, longitude, fuelTypes, isFavorite, notes };
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}

/** Hand-named stations are one per name: a second of the same name is a 409. */
async function nameTaken<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (constraintOf(error) === 'stations_manual_name') {
      const message = 'is already the name of another of your stations';
      throw new ProblemException(HttpStatus.CONFLICT, {
        title: 'Conflict',
        detail: `That name ${message}.`,
        errors: [{ field: 'name', message }],
      });
    }
    throw error;
  }
}

/** The unique index a write broke, if that is why it failed. */
function constraintOf(error: unknown): string | undefined {
  if (!(error instanceof QueryFailedError)) return undefined;
  return (error as QueryFailedError & { driverError?: { constraint?: string } }).driverError?.constraint;
}

/** A place is both coordinates or neither. */
function checkPlace(fields: Pick<StationFields, 'latitude' | 'longitude'>): void {
  const hasLatitude = typeof fields.latitude === 'number';
  if (hasLatitude === (typeof fields.longitude === 'number')) return;
  const [field, other] = hasLatitude ? ['longitude', 'latitude'] : ['latitude', 'longitude'];
  throw new ValidationProblem([{ field, message: `is needed with ${other}: a place has both` }]);
}

function originOf(query: Partial<GeoPoint>): GeoPoint | null {
  return query.latitude !== undefined && query.longitude !== undefined
    ? { latitude: query.latitude, longitude: query.longitude }
    : null;
}

function placed(station: StationEntity, origin: GeoPoint | null): PlacedStation {
  const located = station.latitude !== null && station.longitude !== null;
  const distance =
    origin && located ? metresBetween(origin, { latitude: station.latitude!, longitude: station.longitude! }) : null;
  return { station, distance };
}

function byDistance(a: PlacedStation, b: PlacedStation): number {
  // Stations without a known place come after every placed one.
  return (a.distance ?? Infinity) - (b.distance ?? Infinity) || a.station.name.localeCompare(b.station.name);
}

function favoritesThenName(a: PlacedStation, b: PlacedStation): number {
  return Number(b.station.isFavorite) - Number(a.station.isFavorite) || a.station.name.localeCompare(b.station.name);
}
