import { Column, CreateDateColumn, DeleteDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { numericAsNumber } from '../../../core/database/numeric-transformer';
import type { UserOwned } from '../../../core/identity/scoping/user-scoped-repository';

/** Where a saved station came from: a search provider, or typed in by the user (`manual`). */
export const stationOrigins = ['osm', 'google', 'manual'] as const;
export type StationOrigin = (typeof stationOrigins)[number];

/** A station the user has used or kept: found through a provider, or named by hand (no place then, perhaps). */
@Entity({ schema: 'public', name: 'stations' })
export class StationEntity implements UserOwned {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'user_id' }) userId: string;
  @Column('text') provider: StationOrigin;
  @Column('text', { name: 'provider_id', nullable: true }) providerId: string | null;
  @Column('text') name: string;
  @Column('text', { nullable: true }) brand: string | null;
  @Column('text', { nullable: true }) address: string | null;
  @Column('numeric', { nullable: true, transformer: numericAsNumber }) latitude: number | null;
  @Column('numeric', { nullable: true, transformer: numericAsNumber }) longitude: number | null;
  @Column('text', { name: 'fuel_types', array: true }) fuelTypes: string[];
  @Column('boolean', { name: 'is_favorite' }) isFavorite: boolean;
  @Column('text', { nullable: true }) notes: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @DeleteDateColumn({ name: 'deleted_at', type: 'timestamptz' }) deletedAt: Date | null;
}
