import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '../../core/identity/identity.module';
import { NotificationsModule } from '../notifications';
import { VehiclesModule } from '../vehicles';
import { MaintenanceRecordsController } from './api/maintenance-records.controller';
import { MaintenancePartsRepository } from './data/maintenance-parts.repository';
import { MaintenanceRecordListRepository } from './data/maintenance-record-list.query';
import { MaintenancePartEntity, MaintenanceRecordEntity } from './data/maintenance-record.entity';
import { MaintenanceReminderEntity } from './data/maintenance-reminder.entity';
import { ReminderFactsQuery } from './data/reminder-facts.query';
import { RemindersController } from './api/reminders.controller';
import { CalendarFeedController } from './api/calendar-feed.controller';
import { CalendarFeedsRepository } from './data/calendar-feeds.repository';
import { CalendarFeedService } from './domain/calendar-feed.service';
import { DatedDueItems } from './domain/dated-due-items';
import { MaintenanceCostsService } from './domain/maintenance-costs.service';
import { MaintenanceRecordsService } from './domain/maintenance-records.service';
import { ReminderAlertsService } from './domain/reminder-alerts.service';
import { ReminderDueService } from './domain/reminder-due.service';
import { ReminderTemplatesService } from './domain/reminder-templates.service';
import { RemindersService } from './domain/reminders.service';

/** Maintenance records and reminders (and their alerts). Depends on vehicles and notifications, never the reverse. */
@Module({
  imports: [
    TypeOrmModule.forFeature([MaintenanceRecordEntity, MaintenancePartEntity, MaintenanceReminderEntity]),
    IdentityModule,
    VehiclesModule,
    NotificationsModule,
  ],
  controllers: [MaintenanceRecordsController, RemindersController, CalendarFeedController],
  providers: [
    MaintenanceRecordsService,
    MaintenancePartsRepository,
    MaintenanceRecordListRepository,
    RemindersService,
    ReminderDueService,
    ReminderTemplatesService,
    ReminderFactsQuery,
    CalendarFeedService,
    ReminderAlertsService,
    CalendarFeedsRepository,
    MaintenanceCostsService,
    DatedDueItems,
  ],
  exports: [MaintenanceCostsService, MaintenanceRecordsService, RemindersService, DatedDueItems],
})
export class MaintenanceModule {}
