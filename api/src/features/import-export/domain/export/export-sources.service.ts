import { Injectable } from '@nestjs/common';
import type { RequestScope } from '../../../../core/identity/scoping/request-scope';
import { UsersService } from '../../../../core/identity/users/users.service';
import { DocumentsService } from '../../../documents';
import { FuelLogsService } from '../../../fuel-logs';
import { MaintenanceRecordsService, RemindersService } from '../../../maintenance';
import { StationsService } from '../../../stations';
import { OdometerService, VehiclesService, displayNameOf } from '../../../vehicles';
import type { OwnedVehicle } from '../../../vehicles';
import { keysetRecords } from './keyset-records';

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
 * Everything the caller owns, read through each capsule's public `exportPage` a page at a time, in
 * id order. Records of a deleted vehicle (still live in their own table, but gone from every list)
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
    for await (const vehicle of this.vehicles(scope)) names.set(vehicle.id, displayNameOf(vehicle));
    return names;
  }

  vehicles(scope: RequestScope): AsyncIterable<ExportedVehicle> {
    return keysetRecords((after, limit) => this.vehiclesService.exportPage(scope, after, limit), byId);
  }

  readings(scope: RequestScope, live: VehicleNames): AsyncIterable<ExportedReading> {
    return onLive(
      live,
      keysetRecords((after, limit) => this.odometer.exportPage(scope, after, limit), byId),
    );
  }

  fillUps(scope: RequestScope, live: VehicleNames): AsyncIterable<ExportedFillUp> {
    return onLive(
      live,
      keysetRecords((after, limit) => this.fuelLogs.exportPage(scope, after, limit), byId),
    );
  }

  records(scope: RequestScope, live: VehicleNames): AsyncIterable<ExportedRecord> {
    const records = keysetRecords(
      (after, limit) => this.maintenanceRecords.exportPage(scope, after, limit),
      ({ record }) => record.id,
    );
    return filtered(records, ({ record }) => live.has(record.vehicleId));
  }

  reminders(scope: RequestScope, live: VehicleNames): AsyncIterable<ExportedReminder> {
    return onLive(
      live,
      keysetRecords((after, limit) => this.remindersService.exportPage(scope, after, limit), byId),
    );
  }

  stations(scope: RequestScope): AsyncIterable<ExportedStation> {
    return keysetRecords((after, limit) => this.stationsService.exportPage(scope, after, limit), byId);
  }

  documents(scope: RequestScope, live: VehicleNames): AsyncIterable<ExportedDocument> {
    return onLive(
      live,
      keysetRecords((after, limit) => this.documentsService.exportPage(scope, after, limit), byId),
    );
  }
}

const byId = (record: { id: string }): string => record.id;

/** Records on a vehicle the export holds; a document on no vehicle is kept. */
function onLive<T extends { vehicleId: string | null }>(
  live: VehicleNames,
  records: AsyncIterable<T>,
): AsyncIterable<T> {
  return filtered(records, (record) => record.vehicleId === null || live.has(record.vehicleId));
}

async function* filtered<T>(records: AsyncIterable<T>, keep: (record: T) => boolean): AsyncGenerator<T> {
  for await (const record of records) if (keep(record)) yield record;
}
