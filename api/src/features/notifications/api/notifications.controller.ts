import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { RequestScope, Scoped } from '../../../core/identity/scoping/request-scope';
import { emailUnavailableReason } from '../external/email.channel';
import { DeliveriesService } from '../domain/deliveries.service';
import { NotificationSettingsService } from '../domain/notification-settings.service';
import {
  NotificationDeliveriesQueryDto,
  NotificationDeliveryDto,
  NotificationDeliveryPageDto,
  NotificationSettingsDto,
  NotificationTestDto,
  NotificationTestResultDto,
  toNotificationDeliveryDto,
  toNotificationSettingsDto,
  UpdateNotificationSettingsDto,
} from './notifications.dto';

const noSuchDelivery = ApiNotFoundResponse({ description: 'No delivery of yours by that id' });

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('api/me/notifications')
export class NotificationsController {
  constructor(
    private readonly settings: NotificationSettingsService,
    private readonly deliveries: DeliveriesService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Your notification channels' })
  @ApiOkResponse({ type: NotificationSettingsDto })
  async get(@Scoped() scope: RequestScope): Promise<NotificationSettingsDto> {
    return toNotificationSettingsDto(await this.settings.get(scope), emailUnavailableReason);
  }

  @Patch()
  @ApiOperation({ summary: 'Turn channels on or off, set the e-mail address or the webhook URL' })
  @ApiOkResponse({ type: NotificationSettingsDto })
  @ApiBadRequestResponse({ description: 'A bad address or URL, or a channel turned on with nowhere to send' })
  async update(
    @Scoped() scope: RequestScope,
    @Body() patch: UpdateNotificationSettingsDto,
  ): Promise<NotificationSettingsDto> {
    return toNotificationSettingsDto(await this.settings.update(scope, patch), emailUnavailableReason);
  }

  @Post('test')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Send a test notification now',
    description: 'Through every channel that is on, or only `channel`; answers how each went. Nothing is recorded.',
  })
  @ApiOkResponse({ type: NotificationTestResultDto })
  async test(@Scoped() scope: RequestScope, @Body() body: NotificationTestDto): Promise<NotificationTestResultDto> {
    return { results: await this.deliveries.test(scope, body.channel) };
  }

  @Get('deliveries')
  @ApiOperation({ summary: 'Your recent deliveries, newest first, with failures and attempts' })
  @ApiOkResponse({ type: NotificationDeliveryPageDto })
  async list(
    @Scoped() scope: RequestScope,
    @Query() query: NotificationDeliveriesQueryDto,
  ): Promise<NotificationDeliveryPageDto> {
    const page = await this.deliveries.list(scope, query);
    return { ...page, items: page.items.map(toNotificationDeliveryDto) };
  }

  @Get('deliveries/:id')
  @ApiOkResponse({ type: NotificationDeliveryDto })
  @noSuchDelivery
  async getDelivery(@Scoped() scope: RequestScope, @Param('id') id: string): Promise<NotificationDeliveryDto> {
    return toNotificationDeliveryDto(await this.deliveries.get(scope, id));
  }

  @Post('deliveries/:id/retry')
  @HttpCode(200)
  @ApiOperation({ summary: 'Try a failed delivery again now' })
  @ApiOkResponse({ type: NotificationDeliveryDto })
  @ApiConflictResponse({ description: 'It is not failed (pending or sent)' })
  @noSuchDelivery
  async retry(@Scoped() scope: RequestScope, @Param('id') id: string): Promise<NotificationDeliveryDto> {
    return toNotificationDeliveryDto(await this.deliveries.retry(scope, id));
  }
}
