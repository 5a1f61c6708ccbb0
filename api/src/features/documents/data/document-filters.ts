import { FindOptionsWhere, In, IsNull, Or } from 'typeorm';
import type { DocumentEntity, DocumentKind } from './document.entity';

/** What a documents list may be narrowed by. */
export interface DocumentListFilters {
  vehicleId?: string;
  kind?: DocumentKind;
  maintenanceRecordId?: string;
  fuelLogId?: string;
}

/**
 * Which documents a list shows: by its filters, and on a vehicle of `liveVehicleIds` or on none
 * (a deleted vehicle's documents are gone with it until it is restored).
 */
export function documentFilter(query: DocumentListFilters, liveVehicleIds: string[]): FindOptionsWhere<DocumentEntity> {
  const onLiveVehicle = liveVehicleIds.length ? Or(In(liveVehicleIds), IsNull()) : IsNull();
  return {
    vehicleId: query.vehicleId ?? onLiveVehicle,
    ...(query.kind ? { kind: query.kind } : {}),
    ...(query.maintenanceRecordId ? { maintenanceRecordId: query.maintenanceRecordId } : {}),
    ...(query.fuelLogId ? { fuelLogId: query.fuelLogId } : {}),
  };
}
