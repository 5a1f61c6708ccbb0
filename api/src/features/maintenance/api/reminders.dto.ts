import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../../../core/identity/scoping/page-query.dto';
import { ApiClearableProperty } from '../../../core/openapi/clearable-property';
import { Amount, calendarDay, Omittable, Trimmed } from '../../../core/validation/form-fields';
import { MAX_INTERVAL_MONTHS, reminderStatuses, ReminderStatus } from '../domain/reminder-due';
import type {
  NewReminder,
  ReminderFields,
  ReminderListQuery,
  ReminderWithDue,
  TemplateChoice,
} from '../domain/reminder-fields';
import type { TemplateForVehicle } from '../domain/reminder-templates.service';
import { displayNameOf } from '../../vehicles';
import { TITLE_MAX_LENGTH } from '../domain/reminder-templates';
import { ApiServiceKey, categoryDescription, ServiceKey } from './maintenance-fields';
import { MaintenanceRecordDto, MaintenanceRecordFieldsDto } from './maintenance-records.dto';

export class RemindersQueryDto extends PageQueryDto implements ReminderListQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a vehicle id' })
  vehicleId?: string;
  @ApiPropertyOptional({ default: false, description: 'Also the one-off reminders that were done' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  includeCompleted?: boolean;
}

const Months = () =>
  applyDecorators(IsInt({ message: 'must be a whole number of months' }), Min(1), Max(MAX_INTERVAL_MONTHS));

/** A reminder's fields as a form sends them: an interval (recurring) or a due point (once); null clears. */
export class ReminderFieldsDto implements ReminderFields {
  @ApiPropertyOptional({ example: 'Oil change' })
  @Omittable()
  @Trimmed()
  @IsString()
  @MinLength(1)
  @MaxLength(TITLE_MAX_LENGTH)
  title?: string;
  @ApiPropertyOptional({ description: categoryDescription, example: 'oil' })
  @Omittable()
  @IsString()
  @MaxLength(200)
  category?: string;
  @ApiServiceKey() @IsOptional() @ServiceKey() serviceKey?: string | null;
  @ApiClearableProperty(Number, { example: 6, description: 'Recurring: every this many months' })
  @IsOptional()
  @Months()
  intervalMonths?: number | null;
  @ApiClearableProperty(Number, {
    example: 5000,
    description: "Recurring: every this distance, in the vehicle's odometer unit (whichever comes first)",
  })
  @IsOptional()
  @Amount(1, 1_000_000)
  intervalDistance?: number | null;
  @ApiClearableProperty(String, { format: 'date', description: 'Once: due on this day' })
  @IsOptional()
  @calendarDay()
  dueDate?: string | null;
  @ApiClearableProperty(Number, { description: "Once: due at this odometer, in the vehicle's unit" })
  @IsOptional()
  @Amount(1, 99_999_999)
  dueOdometer?: number | null;
  @ApiPropertyOptional({
    format: 'date',
    description: 'Recurring: counted from this day until the category has a record (default today)',
  })
  @Omittable()
  @calendarDay()
  startDate?: string;
  @ApiPropertyOptional({ description: "…and this odometer (default the vehicle's current one)" })
  @Omittable()
  @Amount(1, 99_999_999)
  startOdometer?: number;
  @ApiClearableProperty(String) @IsOptional() @IsString() @MaxLength(4000) notes?: string | null;
}

export class NewReminderDto extends ReminderFieldsDto implements NewReminder {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', { message: 'must be a vehicle id' }) vehicleId: string;
  @ApiProperty({ required: true }) override title: string;
  @ApiProperty({ required: true }) override category: string;
}

export class TemplateChoiceDto implements TemplateChoice {
  @ApiProperty({ example: 'oil_change' }) @IsString() @MaxLength(40) key: string;
  @ApiPropertyOptional() @Omittable() @Trimmed() @IsString() @MaxLength(TITLE_MAX_LENGTH) title?: string;
  @ApiClearableProperty(Number, { description: "The template's when left out; null leaves months out" })
  @IsOptional()
  @Months()
  intervalMonths?: number | null;
  @ApiClearableProperty(Number, { description: "In the vehicle's unit; null leaves distance out" })
  @IsOptional()
  @Amount(1, 1_000_000)
  intervalDistance?: number | null;
}

export class ApplyTemplatesDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', { message: 'must be a vehicle id' }) vehicleId: string;
  @ApiProperty({ type: [TemplateChoiceDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => TemplateChoiceDto)
  templates: TemplateChoiceDto[];
}

export class TemplatesQueryDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', { message: 'must be a vehicle id' }) vehicleId: string;
}

export class ReminderTemplateDto {
  @ApiProperty({ example: 'oil_change' }) key: string;
  @ApiProperty() title: string;
  @ApiProperty() category: string;
  @ApiProperty({ nullable: true, type: Number }) intervalMonths: number | null;
  @ApiProperty({ nullable: true, type: Number, description: "In the vehicle's unit" }) intervalDistance: number | null;
  @ApiProperty({ enum: ['mi', 'km'] }) odometerUnit: 'mi' | 'km';
  @ApiProperty({ description: 'The vehicle has an open reminder from this template' }) added: boolean;
}

/** The record that restarts a reminder: the latest of its category (and service). */
export class LastServiceDto {
  @ApiProperty({ format: 'date' }) performedAt: string;
  @ApiProperty() odometer: number;
}

export class ReminderDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) vehicleId: string;
  @ApiProperty({ example: '2019 Honda Civic' }) vehicleName: string;
  @ApiProperty({ enum: ['mi', 'km'] }) odometerUnit: 'mi' | 'km';
  @ApiProperty() title: string;
  @ApiProperty() category: string;
  @ApiProperty({ nullable: true, type: String }) serviceKey: string | null;
  @ApiProperty({ nullable: true, type: Number }) intervalMonths: number | null;
  @ApiProperty({ nullable: true, type: Number }) intervalDistance: number | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) dueDate: string | null;
  @ApiProperty({ nullable: true, type: Number }) dueOdometer: number | null;
  @ApiProperty({ format: 'date' }) startDate: string;
  @ApiProperty() startOdometer: number;
  @ApiProperty({ nullable: true, type: String }) notes: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) nextDueDate: string | null;
  @ApiProperty({ nullable: true, type: Number }) nextDueOdometer: number | null;
  @ApiProperty({ enum: reminderStatuses }) status: ReminderStatus;
  @ApiProperty({ example: 'overdue by 312 mi' }) statusReason: string;
  @ApiProperty({ enum: ['date', 'distance'], description: 'The criterion that decided the status' })
  dueBy: 'date' | 'distance';
  @ApiProperty({ enum: ['last_record', 'reminder_start', 'fixed'] }) dueFrom:
    'last_record' | 'reminder_start' | 'fixed';
  @ApiProperty({ nullable: true, type: LastServiceDto }) lastService: LastServiceDto | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Negative when overdue' }) daysLeft: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Negative when overdue' }) distanceLeft: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'The odometer the status used' }) odometer: number | null;
  @ApiProperty({ description: "Today's odometer was estimated from the recent pace" }) estimated: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) completedAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) completedRecordId: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class ReminderPageDto {
  @ApiProperty({ type: [ReminderDto] }) items: ReminderDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class DatedDueItemDto {
  @ApiProperty({ example: 'document', description: 'Where it comes from: `document` (GET /api/documents/{id})' })
  source: string;
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Insurance card 2026' }) title: string;
  @ApiProperty({ example: 'insurance', description: 'Its kind within the source: insurance, registration' })
  kind: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) vehicleId: string | null;
  @ApiProperty({ nullable: true, type: String, example: '2019 Honda Civic' }) vehicleName: string | null;
  @ApiProperty({ format: 'date', description: 'The day it runs out' }) dueDate: string;
  @ApiProperty({ enum: ['overdue', 'due_soon'] }) status: 'overdue' | 'due_soon';
  @ApiProperty({ example: 'expires in 12 days' }) statusReason: string;
  @ApiProperty({ description: 'Negative once the day has passed' }) daysLeft: number;
}

/** The due list: reminders (paged) and, beside them, what runs out on a day (document expiries, not paged). */
export class DueListDto extends ReminderPageDto {
  @ApiProperty({
    type: [DatedDueItemDto],
    description:
      "Insurance and registration documents that have expired or expire within your due-soon days (each vehicle's latest of a kind)",
  })
  expiring: DatedDueItemDto[];
}

export class CompleteReminderDto extends MaintenanceRecordFieldsDto {}

export class CompletedReminderDto {
  @ApiProperty({ type: MaintenanceRecordDto }) record: MaintenanceRecordDto;
  @ApiProperty({ type: ReminderDto }) reminder: ReminderDto;
}

export function toReminderDto({ reminder, vehicle, due }: ReminderWithDue): ReminderDto {
  return {
    id: reminder.id,
    vehicleId: reminder.vehicleId,
    vehicleName: displayNameOf(vehicle),
    odometerUnit: vehicle.odometerUnit,
    title: reminder.title,
    category: reminder.category,
    serviceKey: reminder.serviceKey,
    intervalMonths: reminder.intervalMonths,
    intervalDistance: reminder.intervalDistance,
    dueDate: reminder.dueDate,
    dueOdometer: reminder.dueOdometer,
    startDate: reminder.startDate,
    startOdometer: reminder.startOdometer,
    notes: reminder.notes,
    nextDueDate: due.nextDueDate,
    nextDueOdometer: due.nextDueOdometer,
    status: due.status,
    statusReason: due.statusReason,
    dueBy: due.dueBy,
    dueFrom: due.dueFrom,
    lastService: due.lastRecord && { performedAt: due.lastRecord.performedAt, odometer: due.lastRecord.odometer },
    daysLeft: due.daysLeft,
    distanceLeft: due.distanceLeft,
    odometer: due.odometer,
    estimated: due.odometerEstimated,
    completedAt: reminder.completedAt?.toISOString() ?? null,
    completedRecordId: reminder.completedRecordId,
    createdAt: reminder.createdAt.toISOString(),
    updatedAt: reminder.updatedAt.toISOString(),
  };
}

export function toReminderTemplateDto({ template, intervalDistance, odometerUnit, added }: TemplateForVehicle) {
  const { key, title, category, intervalMonths } = template;
  return { key, title, category, intervalMonths, intervalDistance, odometerUnit, added };
}
