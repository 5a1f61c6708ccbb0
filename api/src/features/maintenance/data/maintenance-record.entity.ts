import { Column, CreateDateColumn, DeleteDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { numericAsNumber } from '../../../core/database/numeric-transformer';
import type { UserOwned } from '../../../core/identity/scoping/user-scoped-repository';

/** A service done on a vehicle: a calendar day, the odometer in the vehicle's unit, money in `currency`. */
@Entity({ schema: 'public', name: 'maintenance_records' })
export class MaintenanceRecordEntity implements UserOwned {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'user_id' }) userId: string;
  @Column('uuid', { name: 'vehicle_id' }) vehicleId: string;
  /** 'YYYY-MM-DD' (pg's `date` arrives as a string). */
  @Column('date', { name: 'performed_at' }) performedAt: string;
  @Column('numeric', { transformer: numericAsNumber }) odometer: number;
  @Column('text') category: string;
  /** The kind of service within the category (a template key, `cabin_filter`), when known. */
  @Column('text', { name: 'service_key', nullable: true }) serviceKey: string | null;
  @Column('text') title: string;
  @Column('text', { nullable: true }) notes: string | null;
  @Column('numeric', { name: 'labour_cost', nullable: true, transformer: numericAsNumber }) labourCost: number | null;
  @Column('numeric', { name: 'total_cost', nullable: true, transformer: numericAsNumber }) totalCost: number | null;
  @Column('char', { length: 3 }) currency: string;
  @Column('text', { nullable: true }) shop: string | null;
  @Column('text', { array: true }) tags: string[];
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @DeleteDateColumn({ name: 'deleted_at', type: 'timestamptz' }) deletedAt: Date | null;
}

/** A part (or fluid) on a record, in the record's order; reached only through its record. */
@Entity({ schema: 'public', name: 'maintenance_parts' })
export class MaintenancePartEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'record_id' }) recordId: string;
  @Column('integer') position: number;
  @Column('text') name: string;
  @Column('text', { name: 'part_number', nullable: true }) partNumber: string | null;
  @Column('numeric', { transformer: numericAsNumber }) quantity: number;
  @Column('numeric', { name: 'unit_cost', transformer: numericAsNumber }) unitCost: number;
}
