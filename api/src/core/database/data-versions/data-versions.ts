import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { pgPoolOf } from '@mvp/common';
import { DataSource } from 'typeorm';
import { readDataVersionKeys } from './data-versions.query';

/** Only a UUID can name a vehicle; anything else has no versions (and would fail the uuid cast). */
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * What a report over vehicles' data can be cached under: the versions the database gave their rows'
 * last changes (`public.data_versions`, bumped by triggers in the writing transaction). Compare them
 * for equality only. Read them before the data they stand for: a change landing in between makes
 * the data newer than its key, never older.
 */
@Injectable()
export class DataVersions {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * One key for all of these vehicles' data. Ids as a request gives them may be read beside the
   * vehicle itself: a malformed one gets '' here and its 404 there.
   */
  async of(vehicleIds: readonly string[]): Promise<string> {
    // As the database writes them: a request may give a uuid in capitals.
    const ids = vehicleIds
      .filter((id) => uuid.test(id))
      .map((id) => id.toLowerCase())
      .sort();
    const keys = await this.ofEach(ids);
    return ids.map((id) => keys.get(id)).join(',');
  }

  /** A key per vehicle (as `of([id])` would give it), read in one statement; ids as the database writes them. */
  ofEach(vehicleIds: readonly string[]): Promise<Map<string, string>> {
    if (vehicleIds.length === 0) return Promise.resolve(new Map());
    return readDataVersionKeys(pgPoolOf(this.dataSource), vehicleIds);
  }
}
