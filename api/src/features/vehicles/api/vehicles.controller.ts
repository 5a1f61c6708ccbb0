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
import { AuthenticatedUser, CurrentUser } from '../../../core/identity/auth/authenticated-user';
import { VehiclesService } from '../domain/vehicles.service';
import { VehicleDto, VehicleFieldsDto, VehiclePageDto, VehiclesQueryDto } from './vehicles.dto';

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
  list(@CurrentUser() caller: AuthenticatedUser, @Query() query: VehiclesQueryDto): Promise<VehiclePageDto> {
    return this.vehicles.list(caller, query);
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
  create(@CurrentUser() caller: AuthenticatedUser, @Body() input: VehicleFieldsDto): Promise<VehicleDto> {
    return this.vehicles.create(caller, input);
  }

  @Get(':id')
  @ApiOkResponse({ type: VehicleDto })
  @noSuchVehicle
  get(@CurrentUser() caller: AuthenticatedUser, @Param('id') id: string): Promise<VehicleDto> {
    return this.vehicles.get(caller, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a vehicle; null clears a field' })
  @ApiOkResponse({ type: VehicleDto })
  @noSuchVehicle
  @vinTaken
  @platformDown
  update(
    @CurrentUser() caller: AuthenticatedUser,
    @Param('id') id: string,
    @Body() patch: VehicleFieldsDto,
  ): Promise<VehicleDto> {
    return this.vehicles.update(caller, id, patch);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a vehicle (it can be restored)' })
  @ApiNoContentResponse()
  @noSuchVehicle
  async remove(@CurrentUser() caller: AuthenticatedUser, @Param('id') id: string): Promise<void> {
    await this.vehicles.remove(caller, id);
  }

  @Post(':id/restore')
  @HttpCode(200)
  @ApiOperation({ summary: 'Bring back a deleted vehicle' })
  @ApiOkResponse({ type: VehicleDto })
  @noSuchVehicle
  @vinTaken
  restore(@CurrentUser() caller: AuthenticatedUser, @Param('id') id: string): Promise<VehicleDto> {
    return this.vehicles.restore(caller, id);
  }
}
