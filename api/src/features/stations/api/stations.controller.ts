import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Patch, Post, Query, Res } from '@nestjs/common';
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
import type { FastifyReply } from 'fastify';
import { API_CONFIG, ApiConfig } from '../../../core/config/api.config';
import { RequestScope, Scoped } from '../../../core/identity/scoping/request-scope';
import { StationPricesService } from '../domain/station-prices.service';
import { StationSearchService } from '../domain/station-search.service';
import { StationsService } from '../domain/stations.service';
import {
  CheapestQueryDto,
  CheapestStationsDto,
  MapSettingsDto,
  NewStationDto,
  StationDto,
  StationFieldsDto,
  StationPageDto,
  StationPricesDto,
  StationSearchDto,
  StationSearchQueryDto,
  StationsQueryDto,
  toCheapestStationsDto,
  toStationDto,
  toStationPricesDto,
  unplaced,
} from './stations.dto';

const noSuchStation = ApiNotFoundResponse({ description: 'No station of yours by that id' });
const nameTaken = ApiConflictResponse({ description: 'Another of your stations named by hand has that name' });

@ApiTags('stations')
@ApiBearerAuth()
@Controller('api/stations')
export class StationsController {
  private readonly mapSettings: MapSettingsDto;

  constructor(
    private readonly stations: StationsService,
    private readonly searches: StationSearchService,
    private readonly prices: StationPricesService,
    @Inject(API_CONFIG) config: ApiConfig,
  ) {
    this.mapSettings = { tileUrl: config.MAP_TILE_URL, attribution: config.MAP_TILE_ATTRIBUTION };
  }

  @Get()
  @ApiOperation({ summary: 'Your saved stations: nearest first with lat and lng, else favorites first, by name' })
  @ApiOkResponse({ type: StationPageDto })
  async list(@Scoped() scope: RequestScope, @Query() query: StationsQueryDto): Promise<StationPageDto> {
    const page = await this.stations.list(scope, { ...query, latitude: query.lat, longitude: query.lng });
    return { ...page, items: page.items.map(toStationDto) };
  }

  @Get('search')
  @ApiOperation({
    summary: 'Find stations around a point (lat, lng, radius) or a place (query)',
    description:
      'From the configured provider (OpenStreetMap or Google Places), nearest first, each marked with your saved station when you saved it. Answers are cached per rounded place and radius.',
  })
  @ApiOkResponse({ type: StationSearchDto })
  @ApiServiceUnavailableResponse({
    description: 'The provider is unreachable, slow, refusing or over its quota (`provider` and `reason` say which)',
  })
  search(@Scoped() scope: RequestScope, @Query() query: StationSearchQueryDto): Promise<StationSearchDto> {
    return this.searches.search(scope, { ...query, latitude: query.lat, longitude: query.lng });
  }

  @Get('cheapest')
  @ApiOperation({
    summary: 'Your stations around a point, cheapest first, by the last price you paid for a grade',
  })
  @ApiOkResponse({ type: CheapestStationsDto })
  async cheapest(@Scoped() scope: RequestScope, @Query() query: CheapestQueryDto): Promise<CheapestStationsDto> {
    const cheapest = await this.prices.cheapest(scope, { ...query, latitude: query.lat, longitude: query.lng });
    return toCheapestStationsDto(cheapest);
  }

  @Get('map')
  @ApiOperation({ summary: 'The map tiles to draw stations on, and the credit to show' })
  @ApiOkResponse({ type: MapSettingsDto })
  map(@Scoped() _scope: RequestScope): MapSettingsDto {
    return this.mapSettings;
  }

  @Post()
  @ApiOperation({
    summary: 'Save a station: a search result (provider, providerId) or one named by hand',
    description: 'Saving one you already have returns it (200), brought back if you had deleted it.',
  })
  @ApiCreatedResponse({ type: StationDto })
  @ApiOkResponse({ type: StationDto, description: 'You had saved it already' })
  async create(
    @Scoped() scope: RequestScope,
    @Body() input: NewStationDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StationDto> {
    const { station, created } = await this.stations.create(scope, input);
    void reply.status(created ? 201 : 200);
    return toStationDto(unplaced(station));
  }

  @Get(':id')
  @ApiOkResponse({ type: StationDto })
  @noSuchStation
  async get(@Scoped() scope: RequestScope, @Param('id') id: string): Promise<StationDto> {
    return toStationDto(unplaced(await this.stations.get(scope, id)));
  }

  @Get(':id/prices')
  @ApiOperation({ summary: 'What you paid there: per grade the last, lowest and average price, and every price' })
  @ApiOkResponse({ type: StationPricesDto })
  @noSuchStation
  async stationPrices(@Scoped() scope: RequestScope, @Param('id') id: string): Promise<StationPricesDto> {
    return toStationPricesDto(await this.prices.of(scope, id));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a station (favorite, notes, name…); null clears a field' })
  @ApiOkResponse({ type: StationDto })
  @noSuchStation
  @nameTaken
  async update(
    @Scoped() scope: RequestScope,
    @Param('id') id: string,
    @Body() patch: StationFieldsDto,
  ): Promise<StationDto> {
    return toStationDto(unplaced(await this.stations.update(scope, id, patch)));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a station (it can be restored; fill-ups keep naming it)' })
  @ApiNoContentResponse()
  @noSuchStation
  async remove(@Scoped() scope: RequestScope, @Param('id') id: string): Promise<void> {
    await this.stations.remove(scope, id);
  }

  @Post(':id/restore')
  @HttpCode(200)
  @ApiOperation({ summary: 'Bring back a deleted station' })
  @ApiOkResponse({ type: StationDto })
  @noSuchStation
  @nameTaken
  async restore(@Scoped() scope: RequestScope, @Param('id') id: string): Promise<StationDto> {
    return toStationDto(unplaced(await this.stations.restore(scope, id)));
  }
}
