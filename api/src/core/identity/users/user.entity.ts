import { numericAsNumber } from '../../database/numeric-transformer';
import { Column, CreateDateColumn, DeleteDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export const distanceUnits = ['mi', 'km'] as const;
export const volumeUnits = ['l', 'gal_us', 'gal_uk'] as const;
export const economyUnits = ['mpg_us', 'mpg_uk', 'l_per_100km', 'km_per_l'] as const;

export type DistanceUnit = (typeof distanceUnits)[number];
export type VolumeUnit = (typeof volumeUnits)[number];
export type EconomyUnit = (typeof economyUnits)[number];

/** A person, one per identity-provider subject; embedded accounts also hold an argon2id password hash. */
@Entity({ schema: 'public', name: 'users' })
export class UserEntity {
  @PrimaryColumn('uuid') id: string;
  /** The `sub` claim: the user id itself for embedded accounts, the provider's subject otherwise. */
  @Column('text', { unique: true }) sub: string;
  @Column('text', { nullable: true }) email: string | null;
  @Column('text', { name: 'display_name', nullable: true }) displayName: string | null;
  @Column('text', { name: 'password_hash', nullable: true, select: false }) passwordHash: string | null;
  @Column('text', { name: 'distance_unit', default: 'mi' }) distanceUnit: DistanceUnit;
  @Column('text', { name: 'volume_unit', default: 'gal_us' }) volumeUnit: VolumeUnit;
  @Column('text', { name: 'economy_unit', default: 'mpg_us' }) economyUnit: EconomyUnit;
  @Column('text', { default: 'USD' }) currency: string;
  @Column('text', { default: 'en-US' }) locale: string;
  @Column('text', { name: 'time_zone', default: 'UTC' }) timeZone: string;
  /** A reminder this many days from its due date (or nearer) is due soon. */
  @Column('integer', { name: 'due_soon_days', default: 30 }) dueSoonDays: number;
  /** …or this near its due odometer, in `distanceUnit`; null: 500 mi or 800 km. */
  @Column('numeric', { name: 'due_soon_distance', nullable: true, transformer: numericAsNumber })
  dueSoonDistance: number | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @DeleteDateColumn({ name: 'deleted_at', type: 'timestamptz' }) deletedAt: Date | null;
}
