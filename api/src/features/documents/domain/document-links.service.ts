import { BadRequestException, Injectable } from '@nestjs/common';
import type { RequestScope } from '../../../core/identity/scoping/request-scope';
import { FuelLogsService } from '../../fuel-logs';
import { MaintenanceRecordsService } from '../../maintenance';
import { VehiclesService } from '../../vehicles';

export interface DocumentLinks {
  vehicleId: string | null;
  maintenanceRecordId: string | null;
  fuelLogId: string | null;
}

/**
 * Checks what a document is attached to through the owning capsules' services (another user's id
 * is their 404) and fills in the vehicle of a service record or fill-up, so a receipt attached to
 * a record is also among its vehicle's documents.
 */
@Injectable()
export class DocumentLinksService {
  constructor(
    private readonly vehicles: VehiclesService,
    private readonly records: MaintenanceRecordsService,
    private readonly fillUps: FuelLogsService,
  ) {}

  async resolve(scope: RequestScope, links: DocumentLinks): Promise<DocumentLinks> {
    const recordVehicle = links.maintenanceRecordId
      ? (await this.records.get(scope, links.maintenanceRecordId)).record.vehicleId
      : null;
    const fillUpVehicle = links.fuelLogId ? (await this.fillUps.get(scope, links.fuelLogId)).fill.vehicleId : null;
    const implied = [recordVehicle, fillUpVehicle].filter((id): id is string => id !== null);
    if (new Set(implied).size > 1) {
      throw new BadRequestException('The service record and the fill-up belong to different vehicles.');
    }
    const vehicleId = links.vehicleId ?? implied[0] ?? null;
    if (implied.length > 0 && implied[0] !== vehicleId) {
      throw new BadRequestException('The vehicle is not the one of the service record or fill-up it is attached to.');
    }
    if (vehicleId && implied.length === 0) await this.vehicles.get(scope, vehicleId);
    return { vehicleId, maintenanceRecordId: links.maintenanceRecordId, fuelLogId: links.fuelLogId };
  }
}
