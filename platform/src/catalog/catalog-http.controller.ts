import { Controller, Get, Param, Query, UseFilters, UseGuards } from '@nestjs/common';
import type { CatalogEngine, CatalogMake, CatalogModel, CatalogTrim, VinDecodeResult } from '../contract';
import { PlatformFaultFilter } from '../core/platform-fault.filter';
import { PlatformKeyGuard } from '../core/platform-key.guard';
import { VinService } from '../vin/vin.service';
import { catalogQuerySchemas, parseQuery } from './catalog-queries';
import { CatalogService } from './catalog.service';

/** The seed's HTTP API, for other callers: the same answers as the TCP side, behind a bearer key. */
@Controller('api/v1')
@UseGuards(PlatformKeyGuard)
@UseFilters(PlatformFaultFilter)
export class CatalogHttpController {
  constructor(
    private readonly catalog: CatalogService,
    private readonly vin: VinService,
  ) {}

  @Get('vehicles/years')
  years(): Promise<number[]> {
    return this.catalog.years();
  }

  @Get('vehicles/makes')
  makes(@Query() query: unknown): Promise<CatalogMake[]> {
    return this.catalog.makes(parseQuery(catalogQuerySchemas.makes, query));
  }

  @Get('vehicles/models')
  models(@Query() query: unknown): Promise<CatalogModel[]> {
    return this.catalog.models(parseQuery(catalogQuerySchemas.models, query));
  }

  @Get('vehicles/trims')
  trims(@Query() query: unknown): Promise<CatalogTrim[]> {
    return this.catalog.trims(parseQuery(catalogQuerySchemas.trims, query));
  }

  @Get('vehicles/engines')
  engines(@Query() query: unknown): Promise<CatalogEngine[]> {
    return this.catalog.engines(parseQuery(catalogQuerySchemas.engines, query));
  }

  @Get('vin/:vin')
  decode(@Param('vin') vin: string): Promise<VinDecodeResult> {
    return this.vin.decode(vin);
  }
}
