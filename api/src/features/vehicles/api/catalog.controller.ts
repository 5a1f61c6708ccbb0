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
import { JsonTextAnswer } from '../../../core/http/json-text-answer';

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
  @JsonTextAnswer()
  async years(): Promise<string> {
    return this.catalog.textOf(await this.catalog.years());
  }

  @Get('catalog/makes')
  @ApiOperation({ summary: 'Makes with models in a year' })
  @ApiOkResponse({ type: [CatalogMakeDto] })
  @JsonTextAnswer()
  async makes(@Query() query: CatalogYearQuery): Promise<string> {
    return this.catalog.textOf(await this.catalog.makes(query));
  }

  @Get('catalog/models')
  @ApiOperation({ summary: "A make's models in a year" })
  @ApiOkResponse({ type: [CatalogModelDto] })
  @ApiNotFoundResponse({ description: 'The catalog has no make by that id' })
  @JsonTextAnswer()
  async models(@Query() query: CatalogModelsQuery): Promise<string> {
    return this.catalog.textOf(await this.catalog.models(query));
  }

  @Get('catalog/trims')
  @ApiOperation({ summary: "A model's trims in a year" })
  @ApiOkResponse({ type: [CatalogTrimDto] })
  @ApiNotFoundResponse({ description: 'The catalog has no model by that id' })
  @JsonTextAnswer()
  async trims(@Query() query: CatalogTrimsQuery): Promise<string> {
    return this.catalog.textOf(await this.catalog.trims(query));
  }

  @Get('catalog/engines')
  @ApiOperation({ summary: "A model's engines in a year, or a trim's when the catalog links them" })
  @ApiOkResponse({ type: [CatalogEngineDto] })
  @ApiNotFoundResponse({ description: 'The catalog has no model (or trim) by that id' })
  @JsonTextAnswer()
  async engines(@Query() query: CatalogEnginesQuery): Promise<string> {
    return this.catalog.textOf(await this.catalog.engines(query));
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
