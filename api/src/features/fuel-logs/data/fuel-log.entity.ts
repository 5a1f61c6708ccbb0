import { Column, CreateDateColumn, DeleteDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { numericAsNumber } from '../../../core/database/numeric-transformer';
import type { UserOwned } from '../../../core/identity/scoping/user-scoped-repository';

export const quantityUnits = ['l', 'gal_us', 'gal_uk', 'kwh'] as const;
export type QuantityUnit = (typeof quantityUnits)[number];

/** A fill-up (or charge) as entered: the odometer in its vehicle's unit, the quantity with its own unit. */
@Entity({ schema: 'public', name: 'fuel_logs' })
export class FuelLogEntity implements UserOwned {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'user_id' }) userId: string;
  @Column('uuid', { name: 'vehicle_id' }) vehicleId: string;
  @Column('timestamptz', { name: 'filled_at' }) filledAt: Date;
  @Column('numeric', { transformer: numericAsNumber }) odometer: number;
  @Column('numeric', { transformer: numericAsNumber }) quantity: number;
  @Column('text', { name: 'quantity_unit' }) quantityUnit: QuantityUnit;
  @Column('numeric', { name: 'price_per_unit', transformer: numericAsNumber }) pricePerUnit: number;
  @Column('numeric', { name: 'total_cost', transformer: numericAsNumber }) totalCost: number;
  @Column('text') currency: string;
  @Column('text', { name: 'fuel_type', nullable: true }) fuelType: string | null;
  @Column('text', { name: 'fuel_grade', nullable: true }) fuelGrade: string | null;
  @Column('boolean', { name: 'is_full' }) isFull: boolean;
  @Column('boolean', { name: 'missed_previous' }) missedPrevious: boolean;
  @Column('uuid', { name: 'station_id', nullable: true }) stationId: string | null;
  @Column('text', { name: 'station_name', nullable: true }) stationName: string | null;
  @Column('text', { nullable: true }) notes: string | null;
  @Column('text', { array: true }) tags: string[];
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @DeleteDateColumn({ name: 'deleted_at', type: 'timestamptz' }) deletedAt: Date | null;
}
