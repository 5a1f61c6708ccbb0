import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ProblemException, ValidationProblem } from '@mvp/common';
import { checkVin } from '@mvp/platform-contract';
import { DataSource, EntityManager, QueryFailedError, Repository } from 'typeorm';
import type { RequestScope } from '../../../core/identity/scoping/request-scope';
import { NewValues, Page, UserScopedRepository } from '../../../core/identity/scoping/user-scoped-repository';
import { UsersService } from '../../../core/identity/users/users.service';
import { VehicleEntity } from '../data/vehicle.entity';
import { VehicleListRepository, VehicleRow } from '../data/vehicle-list.query';
import { lockVehicleRow } from '../data/vehicle-lock.query';
import { invalidVin } from './catalog.service';
import { OdometerService } from './odometer.service';
import { VehicleFields, VehicleListQuery } from './vehicle-fields';
import { VehicleIdentityResolver } from './vehicle-identity';

const notFound = 'No such vehicle.';

/** A person's vehicles: one VIN per live vehicle, the initial odometer as the first reading. */
@Injectable()
export class VehiclesService {
  private readonly vehicles: UserScopedRepository<VehicleEntity>;

  constructor(
    @InjectRepository(VehicleEntity) repository: Repository<VehicleEntity>,
    private readonly dataSource: DataSource,
    private readonly identity: VehicleIdentityResolver,
    private readonly odometer: OdometerService,
    private readonly listed: VehicleListRepository,
    @Inject(UsersService) private readonly users: UsersService,
  ) {
    this.vehicles = new UserScopedRepository(repository, notFound);
  }

  /** A page of the caller's vehicles as list rows (numbers and ISO text, ready to send). */
  async list(scope: RequestScope, query: VehicleListQuery): Promise<Page<VehicleRow>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 25;
    const { rows, total } = await this.listed.page({
      userId: scope.userId,
      status: query.status,
      sort: query.sort ?? 'name',
      page,
      pageSize,
    });
    return { items: rows, total, page, pageSize };
  }

  /**
   * The caller's live vehicle (also for capsules that attach records to one); a 404 when it is not
   * theirs. `manager`: the caller's transaction, which may have just made it.
   */
  get(scope: RequestScope, id: string, manager?: EntityManager): Promise<VehicleEntity> {
    return scope.of(manager ? this.vehicles.within(manager) : this.vehicles).findOne(id);
  }

  /**
   * Inside the caller's transaction: the caller's live vehicle, held until it commits (see
   * `lockForWriting`), found and locked in one statement; a 404 when it is not theirs.
   */
  getForWriting(scope: RequestScope, id: string, manager: EntityManager): Promise<VehicleEntity> {
    return scope.of(this.vehicles.within(manager)).findOneForUpdate(id);
  }

  /**
   * Inside the caller's transaction: holds the vehicle (already found owned) until it commits, so
   * records of one vehicle that must be checked against each other (fill-ups in odometer order) are
   * checked and written one at a time.
   */
  lockForWriting(manager: EntityManager, vehicleId: string): Promise<void> {
    return lockVehicleRow(manager, vehicleId);
  }

  /** The caller's live vehicles in id order, up to `limit` after the id `after` (null: from the first): a keyset page for the export. */
  exportPage(scope: RequestScope, after: string | null, limit: number): Promise<VehicleEntity[]> {
    return scope.of(this.vehicles).pageAfter(after, limit);
  }

  /** All the user's live vehicles, for capsules that report across them. `manager`: the caller's transaction. */
  allOwned(scope: RequestScope, manager?: EntityManager): Promise<VehicleEntity[]> {
    return scope
      .of(manager ? this.vehicles.within(manager) : this.vehicles)
      .all({ order: { createdAt: 'ASC', id: 'ASC' } });
  }

  async create(scope: RequestScope, input: VehicleFields): Promise<VehicleEntity> {
    // What it needs is read before the transaction, which then holds one pooled connection and asks for no other.
    const values = await this.newVehicleValues(scope, input);
    return this.writing(() => this.dataSource.transaction((manager) => this.insert(manager, scope, values)));
  }

  /**
   * Writes a new vehicle in the caller's transaction (an import makes the vehicles its file names).
   * `since` is when its history starts, for our own export's vehicles (default now): its creation and
   * its initial reading.
   */
  async createWithin(
    manager: EntityManager,
    scope: RequestScope,
    input: VehicleFields,
    since?: Date,
  ): Promise<VehicleEntity> {
    const values = await this.newVehicleValues(scope, input, manager);
    return this.writing(() => this.insert(manager, scope, values, since));
  }

  /** A new vehicle's columns: the VIN checked, make and model from the catalog, the caller's distance unit by default. */
  private async newVehicleValues(
    scope: RequestScope,
    input: VehicleFields,
    manager?: EntityManager,
  ): Promise<NewValues<VehicleEntity>> {
    this.checkVinOf(input);
    const identity = await this.identity.resolve(input);
    const odometerUnit = input.odometerUnit ?? (await this.users.findCaller(scope, manager)).distanceUnit;
    const initialOdometer = input.initialOdometer ?? 0;
    return {
      ...identity,
      vin: input.vin ?? null,
      nickname: input.nickname ?? null,
      color: input.color ?? null,
      licensePlate: input.licensePlate ?? null,
      licenseRegion: input.licenseRegion ?? null,
      purchaseDate: input.purchaseDate ?? null,
      purchasePrice: input.purchasePrice ?? null,
      odometerUnit,
      initialOdometer,
      currentOdometer: initialOdometer,
      tankCapacity: input.tankCapacity ?? null,
      tankCapacityUnit: input.tankCapacityUnit ?? null,
      status: input.status ?? 'active',
      notes: input.notes ?? null,
    };
  }

  /** Writes the vehicle and its initial reading in the caller's transaction; the vehicle as stored. */
  private async insert(
    manager: EntityManager,
    scope: RequestScope,
    values: NewValues<VehicleEntity>,
    since?: Date,
  ): Promise<VehicleEntity> {
    const vehicles = scope.of(this.vehicles.within(manager));
    const vehicle = await vehicles.create(values, undefined, since);
    await this.reportInitialReading(manager, scope, vehicle);
    return vehicles.findOne(vehicle.id);
  }

  async update(scope: RequestScope, id: string, patch: VehicleFields): Promise<VehicleEntity> {
    this.checkVinOf(patch);
    const current = await scope.of(this.vehicles).findOne(id);
    if (patch.make === null || patch.model === null) {
      throw new ValidationProblem([{ field: patch.make === null ? 'make' : 'model', message: 'cannot be empty' }]);
    }
    const fromCatalog =
      patch.makeId && patch.modelId && !(patch.make && patch.model)
        ? await this.identity.fromCatalog({ ...patch, year: patch.year ?? current.year })
        : {};
    const { makeId, modelId, trimId, engineId, ...fields } = patch;
    const values = {
      ...fields,
      ...fromCatalog,
      ...(makeId !== undefined ? { catalogMakeId: makeId } : {}),
      ...(modelId !== undefined ? { catalogModelId: modelId } : {}),
      ...(trimId !== undefined ? { catalogTrimId: trimId } : {}),
      ...(engineId !== undefined ? { catalogEngineId: engineId } : {}),
    };
    return this.writing(() =>
      this.dataSource.transaction(async (manager) => {
        const vehicles = scope.of(this.vehicles.within(manager));
        const vehicle = await vehicles.update(id, values);
        if (patch.initialOdometer !== undefined) await this.reportInitialReading(manager, scope, vehicle);
        return vehicles.findOne(id);
      }),
    );
  }

  async remove(scope: RequestScope, id: string): Promise<void> {
    await scope.of(this.vehicles).softDelete(id);
  }

  restore(scope: RequestScope, id: string): Promise<VehicleEntity> {
    return this.writing(() => scope.of(this.vehicles).restore(id));
  }

  private reportInitialReading(manager: EntityManager, scope: RequestScope, vehicle: VehicleEntity): Promise<void> {
    return this.odometer.report(
      scope,
      vehicle.id,
      { source: 'initial', sourceId: vehicle.id, odometer: vehicle.initialOdometer, recordedAt: vehicle.createdAt },
      manager,
    );
  }

  private checkVinOf(input: VehicleFields): void {
    if (!input.vin) return;
    const check = checkVin(input.vin);
    if (!check.valid) throw invalidVin(check);
  }

  /** A VIN already on another of the user's live vehicles is a 409, whichever write found it. */
  private async writing<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      const constraint = (error as QueryFailedError & { driverError?: { constraint?: string } }).driverError
        ?.constraint;
      if (error instanceof QueryFailedError && constraint === 'vehicles_user_id_vin_live') {
        const message = 'is already on one of your vehicles';
        throw new ProblemException(HttpStatus.CONFLICT, {
          title: 'Conflict',
          detail: `This VIN ${message}.`,
          errors: [{ field: 'vin', message }],
        });
      }
      throw error;
    }
  }
}
