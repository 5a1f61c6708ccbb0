import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { pgPoolOf } from '@mvp/common';
import { DataSource } from 'typeorm';
import { readDataVersionKey, readDataVersionKeys } from './data-versions.query';

/**
 * What a report over vehicles' data can be cached under: the versions the database gave their rows'
 * last changes (`public.data_versions`, bumped by triggers in the writing transaction). Compare them
 * for equality only. Read them before the data they stand for: a change landing in between makes
 * the data newer than its key, never older.
 */
@Injectable()
export class DataVersions {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One key for all of these vehicles' data. */
  of(vehicleIds: readonly string[]): Promise<string> {
    if (vehicleIds.length === 0) return Promise.resolve('');
    return readDataVersionKey(pgPoolOf(this.dataSource), vehicleIds);
  }

  /** A key per vehicle (as `of([id])` would give it), read in one statement. */
  ofEach(vehicleIds: readonly string[]): Promise<Map<string, string>> {
    if (vehicleIds.length === 0) return Promise.resolve(new Map());
    return readDataVersionKeys(pgPoolOf(this.dataSource), vehicleIds);
  }
}
