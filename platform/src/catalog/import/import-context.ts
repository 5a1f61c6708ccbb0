import type { PoolClient } from 'pg';
import type { VpicDatabase } from './vpic-source';

/** What each import step gets: the vPIC source, a client inside the import's one transaction, a log. */
export interface ImportContext {
  vpic: VpicDatabase;
  client: PoolClient;
  log(line: string): void;
}
