import { dateFormat, numberFormat } from '../../../core/intl';
import { FuelType, OdometerUnit, TankCapacityUnit, Vehicle, VehicleStatus, VehicleType } from './vehicle';

export interface Option<T> {
  value: T;
  label: string;
}

export const statusOptions: readonly Option<VehicleStatus>[] = [
  { value: 'active', label: 'Active' },
  { value: 'stored', label: 'Stored' },
  { value: 'sold', label: 'Sold' },
];

export const vehicleTypeOptions: readonly Option<VehicleType>[] = [
  { value: 'car', label: 'Car' },
  { value: 'mpv', label: 'Van or MPV' },
  { value: 'truck', label: 'Truck' },
  { value: 'motorcycle', label: 'Motorcycle' },
  { value: 'other', label: 'Other' },
];

export const fuelTypeOptions: readonly Option<FuelType>[] = [
  { value: 'gasoline', label: 'Gasoline' },
  { value: 'diesel', label: 'Diesel' },
  { value: 'electric', label: 'Electric' },
  { value: 'hybrid', label: 'Hybrid' },
  { value: 'plugin_hybrid', label: 'Plug-in hybrid' },
  { value: 'e85', label: 'E85' },
  { value: 'lpg', label: 'LPG' },
  { value: 'cng', label: 'CNG' },
  { value: 'hydrogen', label: 'Hydrogen' },
];

export const odometerUnitOptions: readonly Option<OdometerUnit>[] = [
  { value: 'mi', label: 'mi' },
  { value: 'km', label: 'km' },
];

export const tankCapacityUnitOptions: readonly Option<TankCapacityUnit>[] = [
  { value: 'l', label: 'Litres (L)' },
  { value: 'gal_us', label: 'US gallons' },
  { value: 'gal_uk', label: 'Imperial gallons' },
  { value: 'kwh', label: 'Kilowatt-hours (kWh)' },
];

const tankUnitShort: Record<TankCapacityUnit, string> = { l: 'L', gal_us: 'US gal', gal_uk: 'imp gal', kwh: 'kWh' };

export function labelOf<T>(options: readonly Option<T>[], value: T | null | undefined): string | undefined {
  return options.find((option) => option.value === value)?.label;
}

/** A Material Symbols name for the kind of vehicle. */
export function vehicleIcon(type: VehicleType | null): string {
  switch (type) {
    case 'motorcycle':
      return 'two_wheeler';
    case 'truck':
      return 'local_shipping';
    case 'mpv':
      return 'airport_shuttle';
    default:
      return 'directions_car';
  }
}

/** "2003 Honda Accord EX": what it is, whatever it is called. */
export function describeVehicle(vehicle: Pick<Vehicle, 'year' | 'make' | 'model' | 'trim'>): string {
  return [vehicle.year, vehicle.make, vehicle.model, vehicle.trim].filter(Boolean).join(' ');
}

/** "ABC 123 · CA", or nothing without a plate. */
export function plateOf(vehicle: Pick<Vehicle, 'licensePlate' | 'licenseRegion'>): string | undefined {
  if (!vehicle.licensePlate) return undefined;
  return [vehicle.licensePlate, vehicle.licenseRegion].filter(Boolean).join(' · ');
}

export function formatDistance(value: number, unit: OdometerUnit, locale?: string): string {
  return `${numberFormat(locale, { maximumFractionDigits: 1 }).format(value)} ${unit}`;
}

export function formatTank(capacity: number, unit: TankCapacityUnit | null, locale?: string): string {
  const amount = numberFormat(locale, { maximumFractionDigits: 2 }).format(capacity);
  return unit ? `${amount} ${tankUnitShort[unit]}` : amount;
}

export function formatMoney(amount: number, currency: string | undefined, locale?: string): string {
  try {
    if (currency) return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount);
  } catch {
    // An unknown currency code: the number alone.
  }
  return numberFormat(locale, { maximumFractionDigits: 2 }).format(amount);
}

/** A calendar date (`YYYY-MM-DD`) as the user writes dates; no time zone shifts it. */
export function formatCalendarDate(isoDate: string, locale?: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  if (!year || !month || !day) return isoDate;
  return dateFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, day)));
}

export function formatInstant(iso: string, locale?: string, timeZone?: string): string {
  return dateFormat(locale, { dateStyle: 'medium', timeZone }).format(new Date(iso));
}
