import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequestScope, Scoped } from '../scoping/request-scope';
import { MeDto, toMeDto, UpdateMeDto } from './me.dto';
import { UsersService } from './users.service';

@ApiTags('me')
@ApiBearerAuth()
@Controller('api/me')
export class MeController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({ summary: 'The signed-in user and their preferences' })
  @ApiOkResponse({ type: MeDto })
  async get(@Scoped() scope: RequestScope): Promise<MeDto> {
    const user = await this.users.findCaller(scope);
    return toMeDto(user, user.sub === user.id);
  }

  @Patch()
  @ApiOperation({ summary: 'Change the display name or preferences' })
  @ApiOkResponse({ type: MeDto })
  async update(@Scoped() scope: RequestScope, @Body() patch: UpdateMeDto): Promise<MeDto> {
    const user = await this.users.updatePreferences(scope, patch);
    return toMeDto(user, user.sub === user.id);
  }
}
