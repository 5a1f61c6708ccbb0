import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
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
  @ApiNotFoundResponse({ description: 'The catalog has no make by that id' })
  models(@Query() query: CatalogModelsQuery): Promise<CatalogModelDto[]> {
    return this.catalog.models(query);
  }

  @Get('catalog/trims')
  @ApiOperation({ summary: "A model's trims in a year" })
  @ApiOkResponse({ type: [CatalogTrimDto] })
  @ApiNotFoundResponse({ description: 'The catalog has no model by that id' })
  trims(@Query() query: CatalogTrimsQuery): Promise<CatalogTrimDto[]> {
    return this.catalog.trims(query);
  }

  @Get('catalog/engines')
  @ApiOperation({ summary: "A model's engines in a year, or a trim's when the catalog links them" })
  @ApiOkResponse({ type: [CatalogEngineDto] })
  @ApiNotFoundResponse({ description: 'The catalog has no model (or trim) by that id' })
  engines(@Query() query: CatalogEnginesQuery): Promise<CatalogEngineDto[]> {
    return this.catalog.engines(query);
  }

  @Get('vin/:vin')
  @ApiOperation({
    summary: 'Decode a VIN offline (NHTSA vPIC data)',
    description: 'A VIN of the wrong length, with I/O/Q, or with a wrong check digit is a 400 that says which.',
  })
  @ApiOkResponse({ type: VinDecodeDto })
  @ApiBadRequestResponse({ description: 'Not a valid VIN: `vinProblem` says which check failed' })
  decode(@Param('vin') vin: string): Promise<VinDecodeDto> {
    return this.catalog.decodeVin(vin);
  }
}
