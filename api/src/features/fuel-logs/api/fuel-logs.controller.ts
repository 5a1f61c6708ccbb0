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
import type { JsonText } from '../../../core/caching/report-cache';
import { RequestScope, Scoped } from '../../../core/identity/scoping/request-scope';
import { FuelLogsService } from '../domain/fuel-logs.service';
import { FuelStatsService } from '../domain/fuel-stats.service';
import { AllFuelStatsDto, FuelStatsDto } from './fuel-stats.dto';
import {
  FuelLogDto,
  FuelLogFieldsDto,
  FuelLogPageDto,
  FuelLogsQueryDto,
  FuelStatsQueryDto,
  NewFuelLogDto,
  rowToFuelLogDto,
  toFuelLogDto,
} from './fuel-logs.dto';
import { JsonTextAnswer } from '../../../core/http/json-text-answer';

const noSuchFill = ApiNotFoundResponse({ description: 'No fill-up of yours by that id' });
const noSuchVehicle = ApiNotFoundResponse({ description: 'No vehicle of yours by that id' });
const odometerOutOfOrder = ApiBadRequestResponse({
  description:
    'Invalid request (`errors` names each field), or an odometer that goes backwards along date order ' +
    '(`previous` and `next` name the neighbouring readings)',
});

@ApiTags('fuel-logs')
@ApiBearerAuth()
@Controller()
export class FuelLogsController {
  constructor(
    private readonly fills: FuelLogsService,
    private readonly stats: FuelStatsService,
  ) {}

  @Get('api/fuel-logs')
  @ApiOperation({ summary: 'Your fill-ups, newest first, each with its economy or why it has none' })
  @ApiOkResponse({ type: FuelLogPageDto })
  @noSuchVehicle
  async list(@Scoped() scope: RequestScope, @Query() query: FuelLogsQueryDto): Promise<FuelLogPageDto> {
    const page = await this.fills.list(scope, query);
    return { ...page, items: page.items.map(rowToFuelLogDto) };
  }

  @Post('api/fuel-logs')
  @ApiOperation({
    summary: 'Log a fill-up',
    description:
      'Give any two of quantity, pricePerUnit and totalCost (all three must agree within a cent). The odometer may not go backwards along date order.',
  })
  @ApiCreatedResponse({ type: FuelLogDto })
  @odometerOutOfOrder
  @noSuchVehicle
  async create(@Scoped() scope: RequestScope, @Body() input: NewFuelLogDto): Promise<FuelLogDto> {
    return toFuelLogDto(await this.fills.create(scope, input));
  }

  @Get('api/fuel-logs/:id')
  @ApiOkResponse({ type: FuelLogDto })
  @noSuchFill
  async get(@Scoped() scope: RequestScope, @Param('id') id: string): Promise<FuelLogDto> {
    return toFuelLogDto(await this.fills.get(scope, id));
  }

  @Patch('api/fuel-logs/:id')
  @ApiOkResponse({ type: FuelLogDto })
  @odometerOutOfOrder
  @noSuchFill
  async update(
    @Scoped() scope: RequestScope,
    @Param('id') id: string,
    @Body() patch: FuelLogFieldsDto,
  ): Promise<FuelLogDto> {
    return toFuelLogDto(await this.fills.update(scope, id, patch));
  }

  @Delete('api/fuel-logs/:id')
  @HttpCode(204)
  @ApiNoContentResponse()
  @noSuchFill
  async remove(@Scoped() scope: RequestScope, @Param('id') id: string): Promise<void> {
    await this.fills.remove(scope, id);
  }

  @Post('api/fuel-logs/:id/restore')
  @HttpCode(200)
  @ApiOkResponse({ type: FuelLogDto })
  @odometerOutOfOrder
  @noSuchFill
  async restore(@Scoped() scope: RequestScope, @Param('id') id: string): Promise<FuelLogDto> {
    return toFuelLogDto(await this.fills.restore(scope, id));
  }

  @Get('api/vehicles/:id/fuel-stats')
  @ApiOperation({ summary: "A vehicle's economy, spending and prices, in your units" })
  @ApiOkResponse({ type: FuelStatsDto })
  @noSuchVehicle
  @JsonTextAnswer()
  vehicleStats(
    @Scoped() scope: RequestScope,
    @Param('id') id: string,
    @Query() query: FuelStatsQueryDto,
  ): Promise<JsonText<FuelStatsDto>> {
    return this.stats.forVehicle(scope, id, query);
  }

  @Get('api/fuel-stats')
  @ApiOperation({ summary: 'Every vehicle’s statistics and the spending they add up to' })
  @ApiOkResponse({ type: AllFuelStatsDto })
  @JsonTextAnswer()
  allStats(@Scoped() scope: RequestScope, @Query() query: FuelStatsQueryDto): Promise<JsonText<AllFuelStatsDto>> {
    return this.stats.forAll(scope, query);
  }
}
