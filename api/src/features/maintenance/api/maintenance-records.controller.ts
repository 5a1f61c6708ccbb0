import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { RequestScope, Scoped } from '../../../core/identity/scoping/request-scope';
import { MaintenanceRecordsService } from '../domain/maintenance-records.service';
import {
  MaintenanceRecordDto,
  MaintenanceRecordFieldsDto,
  MaintenanceRecordPageDto,
  MaintenanceRecordsQueryDto,
  NewMaintenanceRecordDto,
  rowToMaintenanceRecordDto,
  toMaintenanceRecordDto,
} from './maintenance-records.dto';

const noSuchRecord = ApiNotFoundResponse({ description: 'No maintenance record of yours by that id' });
const noSuchVehicle = ApiNotFoundResponse({ description: 'No vehicle of yours by that id' });
const refused = ApiBadRequestResponse({
  description:
    'Invalid request (`errors` names each field: a total that disagrees with parts + labour is `totalCost`), ' +
    "or an odometer that goes backwards against the vehicle's other readings by day (`previous` and `next` name them)",
});

@ApiTags('maintenance')
@ApiBearerAuth()
@Controller('api/maintenance/records')
export class MaintenanceRecordsController {
  constructor(private readonly records: MaintenanceRecordsService) {}

  @Get()
  @ApiOperation({ summary: 'Your maintenance records, latest first' })
  @ApiOkResponse({ type: MaintenanceRecordPageDto })
  @noSuchVehicle
  async list(
    @Scoped() scope: RequestScope,
    @Query() query: MaintenanceRecordsQueryDto,
  ): Promise<MaintenanceRecordPageDto> {
    const page = await this.records.list(scope, query);
    return { ...page, items: page.items.map(rowToMaintenanceRecordDto) };
  }

  @Post()
  @ApiOperation({
    summary: 'Log a maintenance record',
    description:
      'The total is worked out from parts + labour when left out. The odometer may not go backwards against the ' +
      "vehicle's other readings by day; it is reported to the vehicle.",
  })
  @ApiCreatedResponse({ type: MaintenanceRecordDto })
  @refused
  @noSuchVehicle
  async create(@Scoped() scope: RequestScope, @Body() input: NewMaintenanceRecordDto): Promise<MaintenanceRecordDto> {
    return toMaintenanceRecordDto(await this.records.create(scope, input));
  }

  @Get(':id')
  @ApiOkResponse({ type: MaintenanceRecordDto })
  @noSuchRecord
  async get(@Scoped() scope: RequestScope, @Param('id') id: string): Promise<MaintenanceRecordDto> {
    return toMaintenanceRecordDto(await this.records.get(scope, id));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a record; `parts`, when given, replaces all of its parts' })
  @ApiOkResponse({ type: MaintenanceRecordDto })
  @refused
  @noSuchRecord
  async update(
    @Scoped() scope: RequestScope,
    @Param('id') id: string,
    @Body() patch: MaintenanceRecordFieldsDto,
  ): Promise<MaintenanceRecordDto> {
    return toMaintenanceRecordDto(await this.records.update(scope, id, patch));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  @noSuchRecord
  async remove(@Scoped() scope: RequestScope, @Param('id') id: string): Promise<void> {
    await this.records.remove(scope, id);
  }

  @Post(':id/restore')
  @HttpCode(200)
  @ApiOkResponse({ type: MaintenanceRecordDto })
  @refused
  @noSuchRecord
  async restore(@Scoped() scope: RequestScope, @Param('id') id: string): Promise<MaintenanceRecordDto> {
    return toMaintenanceRecordDto(await this.records.restore(scope, id));
  }
}
