import { createHash } from 'node:crypto';
import type { ImportedFillUp, ImportedServiceRecord } from './formats/imported-records';

/**
 * What makes an imported record the same record when a file is imported again: its kind, vehicle,
 * date, odometer and amounts, hashed (sha256, hex). Notes, tags and stations are left out, so a file
 * exported again from the other app with an edited note still imports nothing twice.
 */
export function fingerprintOf(vehicleId: string, record: ImportedFillUp | ImportedServiceRecord): string {
  const parts =
    record.kind === 'fill-up'
      ? [
          record.kind,
          vehicleId,
          new Date(record.filledAt).toISOString(),
          record.odometer,
          record.odometerUnit,
          record.quantity ?? '',
          record.quantityUnit,
          record.pricePerUnit ?? '',
          record.totalCost ?? '',
          record.currency,
        ]
      : [
          record.kind,
          vehicleId,
          record.performedAt,
          record.odometer ?? '',
          record.odometerUnit,
          record.title,
          record.totalCost ?? '',
          record.currency,
        ];
  return createHash('sha256').update(parts.join('\u001f')).digest('hex');
}

/** A record of our own export: the same record (by its id in the exporting account) imports once. */
export function exportedFingerprintOf(section: string, id: string): string {
  return createHash('sha256').update(['motovaultpro', section, id].join('\u001f')).digest('hex');
}
