import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { JsonText } from '../../../core/caching/report-cache';
import { RequestScope, Scoped } from '../../../core/identity/scoping/request-scope';
import { CostsService } from '../domain/costs.service';
import { AllCostsDto, CostsQueryDto, VehicleCostsDto } from './costs.dto';
import { JsonTextAnswer } from '../../../core/http/json-text-answer';

@ApiTags('costs')
@ApiBearerAuth()
@Controller()
export class CostsController {
  constructor(private readonly costs: CostsService) {}

  @Get('api/vehicles/:id/costs')
  @ApiOperation({
    summary: "A vehicle's cost of ownership: fuel, service and purchase by month and year, cost per distance",
  })
  @ApiOkResponse({ type: VehicleCostsDto })
  @ApiNotFoundResponse({ description: 'No vehicle of yours by that id' })
  @JsonTextAnswer()
  forVehicle(
    @Scoped() scope: RequestScope,
    @Param('id') id: string,
    @Query() query: CostsQueryDto,
  ): Promise<JsonText<VehicleCostsDto>> {
    return this.costs.forVehicle(scope, id, query);
  }

  @Get('api/costs')
  @ApiOperation({ summary: 'The cost of ownership of all your vehicles, and of each' })
  @ApiOkResponse({ type: AllCostsDto })
  @JsonTextAnswer()
  forAll(@Scoped() scope: RequestScope, @Query() query: CostsQueryDto): Promise<JsonText<AllCostsDto>> {
    return this.costs.forAll(scope, query);
  }
}
