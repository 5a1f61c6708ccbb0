import { ImportFormat } from './import-job';

export interface ImportFormatInfo {
  readonly label: string;
  /** Which file to pick, in a sentence. */
  readonly file: string;
  /** What the file picker offers. */
  readonly accept: string;
  /** The file says which vehicle each record is for; otherwise the user picks one. */
  readonly namesVehicles: boolean;
}

/**
 * Every format the API reads, keyed by its generated enum: a format the API adds fails the build
 * here until it has a label and a hint.
 */
export const importFormats: Record<ImportFormat, ImportFormatInfo> = {
  fuelly: {
    label: 'Fuelly',
    file: 'The CSV that fuelly.com exports of your account (all your cars in one file), or the Fuelly app’s export.',
    accept: '.csv,text/csv',
    namesVehicles: true,
  },
  lubelogger: {
    label: 'LubeLogger',
    file: 'A vehicle’s fuel CSV, or its service, repair or upgrade CSV (one file per vehicle and kind).',
    accept: '.csv,text/csv',
    namesVehicles: false,
  },
  fuelio: {
    label: 'Fuelio',
    file: 'The backup Fuelio writes to its sync folder, vehicle-<N>-sync.csv.zip, or the CSV inside it.',
    accept: '.zip,.csv,application/zip,text/csv',
    namesVehicles: true,
  },
  drivvo: {
    label: 'Drivvo',
    file: 'The CSV export from Drivvo’s settings, in any of its languages (one file per vehicle).',
    accept: '.csv,text/csv',
    namesVehicles: false,
  },
  hammond: {
    label: 'Hammond',
    file: 'A CSV of Hammond’s fill-ups or expenses with Hammond’s own column names.',
    accept: '.csv,text/csv',
    namesVehicles: false,
  },
  motovaultpro: {
    label: 'MotoVaultPro export',
    file: 'The zip that “Export everything” made in MotoVaultPro (on this server or another), as it is: it brings back the whole account, preferences and documents included.',
    accept: '.zip,application/zip',
    namesVehicles: true,
  },
  csv: {
    label: 'Your own CSV',
    file: 'Any CSV (a spreadsheet, another app): you say which column is what in the next step.',
    accept: '.csv,.txt,text/csv',
    namesVehicles: false,
  },
};

export const importFormatKeys = Object.keys(importFormats) as ImportFormat[];
