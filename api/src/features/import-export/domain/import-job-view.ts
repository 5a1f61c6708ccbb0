import type { ImportFormat } from './import-options';
import type { PreviewRecord } from './restore/restored-preview';

/** A bad line's problem, one per field. */
export interface ImportLineError {
  line: number;
  field: string;
  message: string;
}

/** A vehicle the file names, and the caller's vehicle it matches (null: the commit creates it). */
export interface ImportVehicleMatch {
  name: string;
  existingVehicleId: string | null;
}

/** What the upload answers and `GET /api/import/{id}` repeats: the file as it will be imported. */
export interface ImportJobView {
  id: string;
  format: ImportFormat;
  fileName: string;
  status: 'previewed' | 'committed';
  rows: number;
  errorCount: number;
  errors: ImportLineError[];
  /** Records as they will be saved (our own export's: as `previewOfRestored` shows them). */
  preview: { line: number; record: PreviewRecord }[];
  vehicles: ImportVehicleMatch[];
  vehicleId: string | null;
  imported: number | null;
  createdAt: Date;
  expiresAt: Date;
}

/** How many bad lines' problems and records a view shows. */
export const shownErrors = 500;
export const shownRecords = 20;
