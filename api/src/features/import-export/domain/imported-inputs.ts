import type { FillUpToImport } from '../../fuel-logs';
import type { RecordToImport } from '../../maintenance';
import type { OdometerUnit } from '../../vehicles';
import type { DistanceUnit, ImportedFillUp, ImportedServiceRecord } from './formats/imported-records';

const kmPerMile = 1.609344;

/** A reading in the file's unit as the vehicle reads it (one decimal, as stored). */
export function odometerIn(value: number, from: DistanceUnit, to: OdometerUnit): number {
  const converted = from === to ? value : from === 'mi' ? value * kmPerMile : value / kmPerMile;
  return Math.round(converted * 10) / 10;
}

/** An imported fill-up as fuel-logs takes it, for a vehicle that reads in `unit`. */
export function fillUpInput(line: number, record: ImportedFillUp, unit: OdometerUnit): FillUpToImport {
  return {
    line,
    filledAt: record.filledAt,
    odometer: odometerIn(record.odometer, record.odometerUnit, unit),
    quantity: record.quantity,
    quantityUnit: record.quantityUnit,
    pricePerUnit: record.pricePerUnit,
    totalCost: record.totalCost,
    currency: record.currency,
    isFull: record.isFull,
    missedPrevious: record.missedPrevious,
    fuelType: record.fuelType,
    fuelGrade: record.fuelGrade,
    stationName: record.stationName,
    notes: record.notes,
    tags: record.tags,
  };
}

/** An imported service record as maintenance takes it, for a vehicle that reads in `unit`. */
export function recordInput(line: number, record: ImportedServiceRecord, unit: OdometerUnit): RecordToImport {
  return {
    line,
    performedAt: record.performedAt,
    odometer: record.odometer === undefined ? undefined : odometerIn(record.odometer, record.odometerUnit, unit),
    title: record.title,
    category: record.category,
    totalCost: record.totalCost,
    currency: record.currency,
    shop: record.shop,
    notes: record.notes,
    tags: record.tags,
  };
}
