import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { Unscoped } from '../../../core/identity/scoping/route-scoping.check';
import { CatalogService } from '../domain/catalog.service';
import {
  CatalogEngineDto,
  CatalogEnginesQuery,
  CatalogMakeDto,
  CatalogModelDto,
  CatalogModelsQuery,
  CatalogTrimDto,
  CatalogTrimsQuery,
  CatalogYearQuery,
  VinDecodeDto,
} from './catalog.dto';

@ApiTags('vehicles')
@ApiBearerAuth()
@ApiServiceUnavailableResponse({ description: 'The platform service is down or still importing the catalog' })
@Unscoped('the vehicle catalog and VIN decoding belong to no user')
@Controller('api/vehicles')
export class CatalogController {
  constructor(private readonly catalog: CatalogService) {}

  @Get('catalog/years')
  @ApiOperation({ summary: 'Model years the catalog has, newest first' })
  @ApiOkResponse({ type: [Number] })
  years(): Promise<number[]> {
    return this.catalog.years();
  }

  @Get('catalog/makes')
  @ApiOperation({ summary: 'Makes with models in a year' })
  @ApiOkResponse({ type: [CatalogMakeDto] })
  makes(@Query() query: CatalogYearQuery): Promise<CatalogMakeDto[]> {
    return this.catalog.makes(query);
  }

  @Get('catalog/models')
  @ApiOperation({ summary: "A make's models in a year" })
  @ApiOkResponse({ type: [CatalogModelDto] })
  models(@Query() query: CatalogModelsQuery): Promise<CatalogModelDto[]> {
    return this.catalog.models(query);
  }

  @Get('catalog/trims')
  @ApiOperation({ summary: "A model's trims in a year" })
  @ApiOkResponse({ type: [CatalogTrimDto] })
  trims(@Query() query: CatalogTrimsQuery): Promise<CatalogTrimDto[]> {
    return this.catalog.trims(query);
  }

  @Get('catalog/engines')
  @ApiOperation({ summary: "A model's engines in a year, or a trim's when the catalog links them" })
  @ApiOkResponse({ type: [CatalogEngineDto] })
  engines(@Query() query: CatalogEnginesQuery): Promise<CatalogEngineDto[]> {
    return this.catalog.engines(query);
  }

  @Get('vin/:vin')
  @ApiOperation({
    summary: 'Decode a VIN offline (NHTSA vPIC data)',
    description: 'A VIN of the wrong length, with I/O/Q, or with a wrong check digit is a 400 that says which.',
  })
  @ApiOkResponse({ type: VinDecodeDto })
  decode(@Param('vin') vin: string): Promise<VinDecodeDto> {
    return this.catalog.decodeVin(vin);
  }
}
