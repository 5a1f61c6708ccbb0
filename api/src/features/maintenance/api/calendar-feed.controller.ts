import { Controller, Delete, Get, Header, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { Public } from '../../../core/identity/auth/authenticated-user';
import { RequestScope, Scoped } from '../../../core/identity/scoping/request-scope';
import { CalendarFeed, CalendarFeedService } from '../domain/calendar-feed.service';

export class CalendarFeedDto {
  @ApiProperty({ description: 'Secret: whoever has it reads your reminders', format: 'uri' }) url: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class CalendarFeedStateDto {
  @ApiProperty({ nullable: true, type: CalendarFeedDto, description: 'Null when you have none (or revoked it)' })
  feed: CalendarFeedDto | null;
}

const toDto = (feed: CalendarFeed): CalendarFeedDto => ({ url: feed.url, createdAt: feed.createdAt.toISOString() });

@ApiTags('maintenance')
@Controller('api/maintenance')
export class CalendarFeedController {
  constructor(private readonly feeds: CalendarFeedService) {}

  @Get('calendar-feed')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Your reminders’ calendar feed URL, if you made one' })
  @ApiOkResponse({ type: CalendarFeedStateDto })
  async current(@Scoped() scope: RequestScope): Promise<CalendarFeedStateDto> {
    const feed = await this.feeds.current(scope);
    return { feed: feed && toDto(feed) };
  }

  @Post('calendar-feed')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Make a new secret feed URL; the previous one stops working' })
  @ApiCreatedResponse({ type: CalendarFeedDto })
  async replace(@Scoped() scope: RequestScope): Promise<CalendarFeedDto> {
    return toDto(await this.feeds.replace(scope));
  }

  @Delete('calendar-feed')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Revoke the feed URL: it answers 404 from now on' })
  @ApiNoContentResponse()
  async revoke(@Scoped() scope: RequestScope): Promise<void> {
    await this.feeds.revoke(scope);
  }

  @Public()
  @Get('calendar/:file')
  @Header('content-type', 'text/calendar; charset=utf-8')
  @Header('cache-control', 'private, max-age=300')
  @ApiOperation({
    summary: 'The iCalendar feed (`<secret>.ics`): an all-day event on each open reminder’s next due date',
    description: 'Public: the secret in the URL is the key. Subscribe to it in a calendar app.',
  })
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'An iCalendar (RFC 5545) document', schema: { type: 'string' } })
  @ApiNotFoundResponse({ description: 'No such feed, or it was revoked' })
  feed(@Param('file') file: string): Promise<string> {
    return this.feeds.render(file);
  }
}
