import type { DocumentListFilters } from '../data/document-list.query';
import type { DocumentKind } from '../data/document.entity';

/** A document's describing fields as a form sends them; null clears an optional one. */
export interface DocumentFields {
  title?: string;
  kind?: DocumentKind;
  /** 'YYYY-MM-DD'. */
  expiresOn?: string | null;
  notes?: string | null;
  vehicleId?: string | null;
  maintenanceRecordId?: string | null;
  fuelLogId?: string | null;
}

export interface DocumentListQuery extends DocumentListFilters {
  page?: number;
  pageSize?: number;
}

/** What one user stores, against the quota. */
export interface DocumentUsage {
  usedBytes: number;
  quotaBytes: number;
  maxFileBytes: number;
}
