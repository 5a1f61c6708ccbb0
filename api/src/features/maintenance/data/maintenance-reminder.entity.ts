import { Column, CreateDateColumn, DeleteDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { numericAsNumber } from '../../../core/database/numeric-transformer';
import type { UserOwned } from '../../../core/identity/scoping/user-scoped-repository';

/**
 * What is due next on a vehicle: recurring (an interval in months and/or distance) or once (a due
 * date and/or odometer). Distances in the vehicle's unit; dates are calendar dates, 'YYYY-MM-DD'.
 */
@Entity({ schema: 'public', name: 'maintenance_reminders' })
export class MaintenanceReminderEntity implements UserOwned {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'user_id' }) userId: string;
  @Column('uuid', { name: 'vehicle_id' }) vehicleId: string;
  @Column('text') title: string;
  @Column('text') category: string;
  @Column('text', { name: 'service_key', nullable: true }) serviceKey: string | null;
  @Column('integer', { name: 'interval_months', nullable: true }) intervalMonths: number | null;
  @Column('numeric', { name: 'interval_distance', nullable: true, transformer: numericAsNumber })
  intervalDistance: number | null;
  @Column('date', { name: 'due_date', nullable: true }) dueDate: string | null;
  @Column('numeric', { name: 'due_odometer', nullable: true, transformer: numericAsNumber }) dueOdometer: number | null;
  @Column('date', { name: 'start_date' }) startDate: string;
  @Column('numeric', { name: 'start_odometer', transformer: numericAsNumber }) startOdometer: number;
  @Column('text', { nullable: true }) notes: string | null;
  /** A one-off reminder that was done: when, and the record that did it. Recurring ones never complete. */
  @Column('timestamptz', { name: 'completed_at', nullable: true }) completedAt: Date | null;
  @Column('uuid', { name: 'completed_record_id', nullable: true }) completedRecordId: string | null;
  /** The status its owner was last told of (or that it had when made): alerts go out when it gets worse. */
  @Column('text', { name: 'alerted_status', default: 'ok' }) alertedStatus: 'ok' | 'due_soon' | 'overdue';
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @DeleteDateColumn({ name: 'deleted_at', type: 'timestamptz' }) deletedAt: Date | null;
}
