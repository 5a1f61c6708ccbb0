import { Controller, UseFilters, UseGuards } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CatalogEngine,
  CatalogMake,
  CatalogModel,
  CatalogTrim,
  PlatformMessage,
  platformPatterns,
  VinDecodeQuery,
  VinDecodeResult,
} from '../contract';
import { PlatformFaultFilter } from '../core/platform-fault.filter';
import { PlatformKeyGuard } from '../core/platform-key.guard';
import { VinService } from '../vin/vin.service';
import { catalogQuerySchemas, parseQuery } from './catalog-queries';
import { CatalogService } from './catalog.service';

/** The TCP side: one handler per pattern of the contract. */
@Controller()
@UseGuards(PlatformKeyGuard)
@UseFilters(PlatformFaultFilter)
export class CatalogMessagesController {
  constructor(
    private readonly catalog: CatalogService,
    private readonly vin: VinService,
  ) {}

  @MessagePattern(platformPatterns.years)
  years(): Promise<number[]> {
    return this.catalog.years();
  }

  @MessagePattern(platformPatterns.makes)
  makes(@Payload() message: PlatformMessage<unknown>): Promise<CatalogMake[]> {
    return this.catalog.makes(parseQuery(catalogQuerySchemas.makes, message.payload));
  }

  @MessagePattern(platformPatterns.models)
  models(@Payload() message: PlatformMessage<unknown>): Promise<CatalogModel[]> {
    return this.catalog.models(parseQuery(catalogQuerySchemas.models, message.payload));
  }

  @MessagePattern(platformPatterns.trims)
  trims(@Payload() message: PlatformMessage<unknown>): Promise<CatalogTrim[]> {
    return this.catalog.trims(parseQuery(catalogQuerySchemas.trims, message.payload));
  }

  @MessagePattern(platformPatterns.engines)
  engines(@Payload() message: PlatformMessage<unknown>): Promise<CatalogEngine[]> {
    return this.catalog.engines(parseQuery(catalogQuerySchemas.engines, message.payload));
  }

  @MessagePattern(platformPatterns.vinDecode)
  decode(@Payload() message: PlatformMessage<Partial<VinDecodeQuery>>): Promise<VinDecodeResult> {
    return this.vin.decode(message.payload?.vin);
  }
}
