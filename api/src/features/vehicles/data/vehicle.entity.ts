import { Column, CreateDateColumn, DeleteDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { numericAsNumber } from '../../../core/database/numeric-transformer';
import type { UserOwned } from '../../../core/identity/scoping/user-scoped-repository';

export const vehicleTypes = ['car', 'mpv', 'truck', 'motorcycle', 'other'] as const;
export const vehicleStatuses = ['active', 'sold', 'stored'] as const;
export const odometerUnits = ['mi', 'km'] as const;
export const fuelTypes = [
  'gasoline',
  'diesel',
  'electric',
  'hybrid',
  'plugin_hybrid',
  'lpg',
  'cng',
  'e85',
  'hydrogen',
] as const;
export const tankCapacityUnits = ['l', 'gal_us', 'gal_uk', 'kwh'] as const;

export type VehicleType = (typeof vehicleTypes)[number];
export type VehicleStatus = (typeof vehicleStatuses)[number];
export type OdometerUnit = (typeof odometerUnits)[number];
export type FuelType = (typeof fuelTypes)[number];
export type TankCapacityUnit = (typeof tankCapacityUnits)[number];

@Entity({ schema: 'public', name: 'vehicles' })
export class VehicleEntity implements UserOwned {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'user_id' }) userId: string;
  @Column('text', { nullable: true }) vin: string | null;
  @Column('smallint', { nullable: true }) year: number | null;
  @Column('text') make: string;
  @Column('text') model: string;
  @Column('text', { nullable: true }) trim: string | null;
  @Column('text', { nullable: true }) engine: string | null;
  @Column('int', { name: 'catalog_make_id', nullable: true }) catalogMakeId: number | null;
  @Column('int', { name: 'catalog_model_id', nullable: true }) catalogModelId: number | null;
  @Column('int', { name: 'catalog_trim_id', nullable: true }) catalogTrimId: number | null;
  @Column('int', { name: 'catalog_engine_id', nullable: true }) catalogEngineId: number | null;
  @Column('text', { name: 'vehicle_type', nullable: true }) vehicleType: VehicleType | null;
  @Column('text', { nullable: true }) nickname: string | null;
  @Column('text', { nullable: true }) color: string | null;
  @Column('text', { name: 'license_plate', nullable: true }) licensePlate: string | null;
  @Column('text', { name: 'license_region', nullable: true }) licenseRegion: string | null;
  @Column('date', { name: 'purchase_date', nullable: true }) purchaseDate: string | null;
  @Column('numeric', { name: 'purchase_price', nullable: true, transformer: numericAsNumber }) purchasePrice:
    number | null;
  @Column('text', { name: 'odometer_unit' }) odometerUnit: OdometerUnit;
  @Column('numeric', { name: 'initial_odometer', transformer: numericAsNumber }) initialOdometer: number;
  @Column('numeric', { name: 'current_odometer', transformer: numericAsNumber }) currentOdometer: number;
  @Column('text', { name: 'fuel_types', array: true }) fuelTypes: FuelType[];
  @Column('numeric', { name: 'tank_capacity', nullable: true, transformer: numericAsNumber }) tankCapacity:
    number | null;
  @Column('text', { name: 'tank_capacity_unit', nullable: true }) tankCapacityUnit: TankCapacityUnit | null;
  @Column('text') status: VehicleStatus;
  @Column('text', { nullable: true }) notes: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @DeleteDateColumn({ name: 'deleted_at', type: 'timestamptz' }) deletedAt: Date | null;
}
