import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { RequestScope, Scoped } from '../scoping/request-scope';
import { PageQueryDto } from '../scoping/page-query.dto';
import {
  ApiTokenDto,
  ApiTokenPageDto,
  CreateApiTokenDto,
  CreatedApiTokenDto,
  RenameApiTokenDto,
  toApiTokenDto,
} from './api-token.dto';
import { ApiTokensService } from './api-tokens.service';

const calledWithToken = ApiForbiddenResponse({ description: 'Called with an API token: that needs a signed-in user' });

@ApiTags('me')
@ApiBearerAuth()
@Controller('api/me/tokens')
export class ApiTokensController {
  constructor(private readonly tokens: ApiTokensService) {}

  @Get()
  @ApiOperation({ summary: 'Your personal API tokens (never the tokens themselves)' })
  @ApiOkResponse({ type: ApiTokenPageDto })
  async list(@Scoped() scope: RequestScope, @Query() query: PageQueryDto): Promise<ApiTokenPageDto> {
    const page = await this.tokens.list(scope, query.page, query.pageSize);
    return { ...page, items: page.items.map(toApiTokenDto) };
  }

  @Post()
  @ApiOperation({ summary: 'Create a token; the answer shows it once. Needs a signed-in session, not a token.' })
  @ApiCreatedResponse({ type: CreatedApiTokenDto })
  @calledWithToken
  async create(@Scoped() scope: RequestScope, @Body() body: CreateApiTokenDto): Promise<CreatedApiTokenDto> {
    const { record, secret } = await this.tokens.create(scope, body);
    return { ...toApiTokenDto(record), token: secret };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One of your tokens' })
  @ApiOkResponse({ type: ApiTokenDto })
  @ApiNotFoundResponse()
  async get(@Scoped() scope: RequestScope, @Param('id') id: string): Promise<ApiTokenDto> {
    return toApiTokenDto(await this.tokens.get(scope, id));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Rename a token' })
  @ApiOkResponse({ type: ApiTokenDto })
  @ApiNotFoundResponse()
  @calledWithToken
  async rename(
    @Scoped() scope: RequestScope,
    @Param('id') id: string,
    @Body() body: RenameApiTokenDto,
  ): Promise<ApiTokenDto> {
    return toApiTokenDto(await this.tokens.rename(scope, id, body.name));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke a token: it stops working at once' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse()
  @calledWithToken
  async revoke(@Scoped() scope: RequestScope, @Param('id') id: string): Promise<void> {
    await this.tokens.revoke(scope, id);
  }
}
