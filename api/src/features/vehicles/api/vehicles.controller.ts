import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { RequestScope, Scoped } from '../../../core/identity/scoping/request-scope';
import { VehiclesService } from '../domain/vehicles.service';
import {
  rowToVehicleDto,
  toVehicleDto,
  VehicleDto,
  VehicleFieldsDto,
  VehiclePageDto,
  VehiclesQueryDto,
} from './vehicles.dto';

const noSuchVehicle = ApiNotFoundResponse({ description: 'No vehicle of yours by that id' });
const vinTaken = ApiConflictResponse({ description: 'The VIN is already on one of your live vehicles' });
const platformDown = ApiServiceUnavailableResponse({
  description: 'The platform service is down (needed to decode a VIN or check catalog ids)',
});

@ApiTags('vehicles')
@ApiBearerAuth()
@Controller('api/vehicles')
export class VehiclesController {
  constructor(private readonly vehicles: VehiclesService) {}

  @Get()
  @ApiOperation({ summary: 'Your vehicles, a page at a time' })
  @ApiOkResponse({ type: VehiclePageDto })
  async list(@Scoped() scope: RequestScope, @Query() query: VehiclesQueryDto): Promise<VehiclePageDto> {
    const page = await this.vehicles.list(scope, query);
    return { ...page, items: page.items.map(rowToVehicleDto) };
  }

  @Post()
  @ApiOperation({
    summary: 'Add a vehicle',
    description:
      'Give make and model as text, or year with catalog ids (makeId, modelId, trimId, engineId: the names are filled in), or just a VIN (decoded to fill the rest).',
  })
  @ApiCreatedResponse({ type: VehicleDto })
  @vinTaken
  @platformDown
  async create(@Scoped() scope: RequestScope, @Body() input: VehicleFieldsDto): Promise<VehicleDto> {
    return toVehicleDto(await this.vehicles.create(scope, input));
  }

  @Get(':id')
  @ApiOkResponse({ type: VehicleDto })
  @noSuchVehicle
  async get(@Scoped() scope: RequestScope, @Param('id') id: string): Promise<VehicleDto> {
    return toVehicleDto(await this.vehicles.get(scope, id));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a vehicle; null clears a field' })
  @ApiOkResponse({ type: VehicleDto })
  @noSuchVehicle
  @vinTaken
  @platformDown
  async update(
    @Scoped() scope: RequestScope,
    @Param('id') id: string,
    @Body() patch: VehicleFieldsDto,
  ): Promise<VehicleDto> {
    return toVehicleDto(await this.vehicles.update(scope, id, patch));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a vehicle (it can be restored)' })
  @ApiNoContentResponse()
  @noSuchVehicle
  async remove(@Scoped() scope: RequestScope, @Param('id') id: string): Promise<void> {
    await this.vehicles.remove(scope, id);
  }

  @Post(':id/restore')
  @HttpCode(200)
  @ApiOperation({ summary: 'Bring back a deleted vehicle' })
  @ApiOkResponse({ type: VehicleDto })
  @noSuchVehicle
  @vinTaken
  async restore(@Scoped() scope: RequestScope, @Param('id') id: string): Promise<VehicleDto> {
    return toVehicleDto(await this.vehicles.restore(scope, id));
  }
}
