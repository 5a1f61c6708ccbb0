import type { ImportFormat } from '../data/import-job.entity';
import type { ColumnMapping } from './formats/generic-csv.reader';
import type { ReadOptions } from './formats/imported-records';

export { importFormats } from '../data/import-job.entity';
export type { ImportFormat } from '../data/import-job.entity';

/** What a file is read with: the reader's options, and for a generic CSV the user's column mapping. */
export interface ImportOptions extends ReadOptions {
  mapping?: ColumnMapping;
}

/** The upload's fields as the user chose them; what they leave out comes from their preferences. */
export interface ImportRequest {
  format: ImportFormat;
  vehicleId?: string;
  timeZone?: string;
  distanceUnit?: ReadOptions['distanceUnit'];
  volumeUnit?: ReadOptions['volumeUnit'];
  currency?: string;
  dateOrder?: ReadOptions['dateOrder'];
  decimalComma?: boolean;
  mapping?: ColumnMapping;
}
