import type { MaintenancePartEntity, MaintenanceRecordEntity } from '../data/maintenance-record.entity';
import type { CalendarDate } from './calendar-date';

/** A part as a form sends it. */
export interface PartFields {
  name: string;
  partNumber?: string | null;
  quantity: number;
  /** In the record's currency, per unit. */
  unitCost: number;
}

/** A record's fields as a form sends them, already validated (`MaintenanceRecordFieldsDto` at the API). */
export interface MaintenanceRecordFields {
  performedAt?: CalendarDate;
  odometer?: number;
  /** A built-in key or the user's own; stored as its `categoryKey`. */
  category?: string;
  /** The kind of service within the category (a template key such as `cabin_filter`); see reminders. */
  serviceKey?: string | null;
  title?: string;
  notes?: string | null;
  /** Replaces every part of the record when given. */
  parts?: PartFields[];
  labourCost?: number | null;
  /** Worked out from parts + labour when left out; when given with them, it must agree within a cent. */
  totalCost?: number | null;
  currency?: string;
  shop?: string | null;
  tags?: string[];
}

export interface NewMaintenanceRecord extends MaintenanceRecordFields {
  vehicleId: string;
}

/** A record read from a file: its line there; without an odometer it takes the vehicle's reading before its day. */
export interface RecordToImport extends MaintenanceRecordFields {
  line: number;
  performedAt: CalendarDate;
  title: string;
}

export interface MaintenanceRecordListQuery {
  vehicleId?: string;
  category?: string;
  /** Half-open, as everywhere: from <= performedAt < to ('YYYY-MM-DD'). */
  from?: CalendarDate;
  to?: CalendarDate;
  /** Text in the title, notes, shop or a part's name. */
  q?: string;
  page?: number;
  pageSize?: number;
}

/** A stored record with its parts, in order. */
export interface MaintenanceRecordWithParts {
  record: MaintenanceRecordEntity;
  parts: MaintenancePartEntity[];
}
