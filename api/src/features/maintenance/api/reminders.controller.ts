import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { PageQueryDto } from '../../../core/identity/scoping/page-query.dto';
import { RequestScope, Scoped } from '../../../core/identity/scoping/request-scope';
import { DatedDueItems } from '../domain/dated-due-items';
import { ReminderTemplatesService } from '../domain/reminder-templates.service';
import { RemindersService } from '../domain/reminders.service';
import { toMaintenanceRecordDto } from './maintenance-records.dto';
import {
  ApplyTemplatesDto,
  CompletedReminderDto,
  CompleteReminderDto,
  DueListDto,
  NewReminderDto,
  ReminderDto,
  ReminderFieldsDto,
  ReminderPageDto,
  RemindersQueryDto,
  ReminderTemplateDto,
  TemplatesQueryDto,
  toReminderDto,
  toReminderTemplateDto,
} from './reminders.dto';

const noSuchReminder = ApiNotFoundResponse({ description: 'No reminder of yours by that id' });
const noSuchVehicle = ApiNotFoundResponse({ description: 'No vehicle of yours by that id' });
const refused = ApiBadRequestResponse({ description: 'Invalid request; `errors` names each field' });

@ApiTags('maintenance')
@ApiBearerAuth()
@Controller('api/maintenance/reminders')
export class RemindersController {
  constructor(
    private readonly reminders: RemindersService,
    private readonly templates: ReminderTemplatesService,
    private readonly dated: DatedDueItems,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Your reminders with what is due, most pressing first' })
  @ApiOkResponse({ type: ReminderPageDto })
  @noSuchVehicle
  async list(@Scoped() scope: RequestScope, @Query() query: RemindersQueryDto): Promise<ReminderPageDto> {
    const page = await this.reminders.list(scope, query);
    return { ...page, items: page.items.map(toReminderDto) };
  }

  @Get('due')
  @ApiOperation({ summary: 'What is due across your vehicles: overdue first, then due soon' })
  @ApiOkResponse({ type: DueListDto })
  async due(@Scoped() scope: RequestScope, @Query() query: PageQueryDto): Promise<DueListDto> {
    const [page, expiring] = await Promise.all([this.reminders.dueList(scope, query), this.dated.pressing(scope)]);
    return { ...page, items: page.items.map(toReminderDto), expiring };
  }

  @Get('templates')
  @ApiOperation({ summary: "Built-in schedules, with distances in the vehicle's unit" })
  @ApiOkResponse({ type: [ReminderTemplateDto] })
  @noSuchVehicle
  async templateList(@Scoped() scope: RequestScope, @Query() query: TemplatesQueryDto): Promise<ReminderTemplateDto[]> {
    return (await this.templates.forVehicle(scope, query.vehicleId)).map(toReminderTemplateDto);
  }

  @Post('from-templates')
  @ApiOperation({
    summary: 'Add built-in schedules to a vehicle in one step',
    description: 'All or none; a template the vehicle has open already is a 400 on `templates.<i>.key`.',
  })
  @ApiCreatedResponse({ type: [ReminderDto] })
  @refused
  @noSuchVehicle
  async applyTemplates(@Scoped() scope: RequestScope, @Body() body: ApplyTemplatesDto): Promise<ReminderDto[]> {
    return (await this.templates.apply(scope, body.vehicleId, body.templates)).map(toReminderDto);
  }

  @Post()
  @ApiOperation({
    summary: 'Add a reminder',
    description: 'Recurring (`intervalMonths` and/or `intervalDistance`) or once (`dueDate` and/or `dueOdometer`).',
  })
  @ApiCreatedResponse({ type: ReminderDto })
  @refused
  @noSuchVehicle
  async create(@Scoped() scope: RequestScope, @Body() input: NewReminderDto): Promise<ReminderDto> {
    return toReminderDto(await this.reminders.create(scope, input));
  }

  @Get(':id')
  @ApiOkResponse({ type: ReminderDto })
  @noSuchReminder
  async get(@Scoped() scope: RequestScope, @Param('id') id: string): Promise<ReminderDto> {
    return toReminderDto(await this.reminders.get(scope, id));
  }

  @Patch(':id')
  @ApiOkResponse({ type: ReminderDto })
  @refused
  @noSuchReminder
  async update(
    @Scoped() scope: RequestScope,
    @Param('id') id: string,
    @Body() patch: ReminderFieldsDto,
  ): Promise<ReminderDto> {
    return toReminderDto(await this.reminders.update(scope, id, patch));
  }

  @Post(':id/complete')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Mark done: records the service and rolls the reminder forward, in one transaction',
    description:
      "The record takes the reminder's vehicle, category, service and title unless given; today and the " +
      "vehicle's current odometer by default. A one-off reminder is done; a recurring one counts from the record.",
  })
  @ApiOkResponse({ type: CompletedReminderDto })
  @ApiConflictResponse({ description: 'A one-off reminder that is done already' })
  @refused
  @noSuchReminder
  async complete(
    @Scoped() scope: RequestScope,
    @Param('id') id: string,
    @Body() record: CompleteReminderDto,
  ): Promise<CompletedReminderDto> {
    const done = await this.reminders.complete(scope, id, record);
    return { record: toMaintenanceRecordDto(done.record), reminder: toReminderDto(done.reminder) };
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  @noSuchReminder
  async remove(@Scoped() scope: RequestScope, @Param('id') id: string): Promise<void> {
    await this.reminders.remove(scope, id);
  }

  @Post(':id/restore')
  @HttpCode(200)
  @ApiOkResponse({ type: ReminderDto })
  @noSuchReminder
  async restore(@Scoped() scope: RequestScope, @Param('id') id: string): Promise<ReminderDto> {
    return toReminderDto(await this.reminders.restore(scope, id));
  }
}
