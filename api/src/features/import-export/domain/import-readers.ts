import { readDrivvo } from './formats/drivvo.reader';
import { readFuelio } from './formats/fuelio.reader';
import { readFuelly } from './formats/fuelly.reader';
import { readGenericCsv } from './formats/generic-csv.reader';
import { readHammond } from './formats/hammond.reader';
import type { ImportLine } from './formats/imported-records';
import { readLubeLogger } from './formats/lubelogger.reader';
import { readMotovaultpro, StageFile } from './formats/motovaultpro.reader';
import type { ImportFormat, ImportOptions } from './import-options';

/**
 * The file's lines through its format's reader, as they are parsed. Our own export's documents are
 * handed to `stageFile` as the zip gives them.
 */
export function readImport(
  format: ImportFormat,
  input: NodeJS.ReadableStream,
  options: ImportOptions,
  stageFile: StageFile,
): AsyncIterable<ImportLine> {
  const { mapping, ...readOptions } = options;
  switch (format) {
    case 'lubelogger':
      return readLubeLogger(input, readOptions);
    case 'fuelly':
      return readFuelly(input, readOptions);
    case 'fuelio':
      return readFuelio(input, readOptions);
    case 'drivvo':
      return readDrivvo(input, readOptions);
    case 'hammond':
      return readHammond(input, readOptions);
    case 'motovaultpro':
      return readMotovaultpro(input, stageFile);
    case 'csv':
      if (!mapping) throw new Error('A generic CSV is read through a column mapping');
      return readGenericCsv(input, readOptions, mapping);
  }
}
