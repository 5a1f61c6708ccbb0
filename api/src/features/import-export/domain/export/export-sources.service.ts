import { Injectable } from '@nestjs/common';
import type { RequestScope } from '../../../../core/identity/scoping/request-scope';
import { UsersService } from '../../../../core/identity/users/users.service';
import { DocumentsService } from '../../../documents';
import { FuelLogsService } from '../../../fuel-logs';
import { MaintenanceRecordsService, RemindersService } from '../../../maintenance';
import { StationsService } from '../../../stations';
import { OdometerService, VehiclesService, displayNameOf } from '../../../vehicles';
import type { OwnedVehicle } from '../../../vehicles';
import { eachRecord } from './keyset-records';
import type { KeysetTable } from './keyset-records';

type PageOf<S extends { exportPage(...args: never[]): Promise<unknown[]> }> = Awaited<
  ReturnType<S['exportPage']>
>[number];
export type ExportedVehicle = OwnedVehicle;
export type ExportedReading = PageOf<OdometerService>;
export type ExportedFillUp = PageOf<FuelLogsService>;
export type ExportedRecord = PageOf<MaintenanceRecordsService>;
export type ExportedReminder = PageOf<RemindersService>;
export type ExportedStation = PageOf<StationsService>;
export type ExportedDocument = PageOf<DocumentsService>;

/** The user's preferences as `/api/me` shows them. */
export interface ExportedPreferences {
  displayName: string | null;
  distanceUnit: string;
  volumeUnit: string;
  economyUnit: string;
  currency: string;
  locale: string | null;
  timeZone: string;
  dueSoonDays: number | null;
  dueSoonDistance: number | null;
}

/** The caller's live vehicles' names by id: which vehicles the export holds, and how its spreadsheets name them. */
export type VehicleNames = ReadonlyMap<string, string>;

/**
 * Everything the caller owns, as tables read through each capsule's public `exportPage` a page at
 * a time, in id order. Records of a deleted vehicle (still live in their own table, but gone from every list)
 * are left out, so every `vehicleId` in an export names a vehicle in it.
 */
@Injectable()
export class ExportSources {
  constructor(
    private readonly users: UsersService,
    private readonly vehiclesService: VehiclesService,
    private readonly odometer: OdometerService,
    private readonly fuelLogs: FuelLogsService,
    private readonly maintenanceRecords: MaintenanceRecordsService,
    private readonly remindersService: RemindersService,
    private readonly stationsService: StationsService,
    private readonly documentsService: DocumentsService,
  ) {}

  async preferences(scope: RequestScope): Promise<ExportedPreferences> {
    const user = await this.users.findById(scope.userId, { fresh: true });
    return {
      displayName: user.displayName,
      distanceUnit: user.distanceUnit,
      volumeUnit: user.volumeUnit,
      economyUnit: user.economyUnit,
      currency: user.currency,
      locale: user.locale,
      timeZone: user.timeZone,
      dueSoonDays: user.dueSoonDays,
      dueSoonDistance: user.dueSoonDistance,
    };
  }

  async vehicleNames(scope: RequestScope): Promise<VehicleNames> {
    const names = new Map<string, string>();
    await eachRecord(this.vehicles(scope), (vehicle) => void names.set(vehicle.id, displayNameOf(vehicle)));
    return names;
  }

  vehicles(scope: RequestScope): KeysetTable<ExportedVehicle> {
    return { readPage: (after, limit) => this.vehiclesService.exportPage(scope, after, limit), idOf: byId };
  }

  readings(scope: RequestScope, live: VehicleNames): KeysetTable<ExportedReading> {
    return {
      readPage: (after, limit) => this.odometer.exportPage(scope, after, limit),
      idOf: byId,
      keep: onLive(live),
    };
  }

  fillUps(scope: RequestScope, live: VehicleNames): KeysetTable<ExportedFillUp> {
    return {
      readPage: (after, limit) => this.fuelLogs.exportPage(scope, after, limit),
      idOf: byId,
      keep: onLive(live),
    };
  }

  records(scope: RequestScope, live: VehicleNames): KeysetTable<ExportedRecord> {
    return {
      readPage: (after, limit) => this.maintenanceRecords.exportPage(scope, after, limit),
      idOf: ({ record }) => record.id,
      keep: ({ record }) => live.has(record.vehicleId),
    };
  }

  reminders(scope: RequestScope, live: VehicleNames): KeysetTable<ExportedReminder> {
    return {
      readPage: (after, limit) => this.remindersService.exportPage(scope, after, limit),
      idOf: byId,
      keep: onLive(live),
    };
  }

  stations(scope: RequestScope): KeysetTable<ExportedStation> {
    return { readPage: (after, limit) => this.stationsService.exportPage(scope, after, limit), idOf: byId };
  }

  documents(scope: RequestScope, live: VehicleNames): KeysetTable<ExportedDocument> {
    return {
      readPage: (after, limit) => this.documentsService.exportPage(scope, after, limit),
      idOf: byId,
      keep: onLive(live),
    };
  }
}

const byId = (record: { id: string }): string => record.id;

/** Records on a vehicle the export holds; a document on no vehicle is kept. */
function onLive(live: VehicleNames): (record: { vehicleId: string | null }) => boolean {
  return (record) => record.vehicleId === null || live.has(record.vehicleId);
}
