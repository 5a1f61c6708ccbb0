import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { ApiClearableProperty } from '../../../core/openapi/clearable-property';
import { PageQueryDto } from '../../../core/identity/scoping/page-query.dto';
import { Omittable, Trimmed } from '../../../core/validation/form-fields';
import { channels, deliveryStatuses, NotificationDeliveryEntity } from '../data/notification-delivery.entity';
import type { ChannelTestResult, DeliveryListQuery } from '../domain/deliveries.service';
import type { Channel, DeliveryStatus } from '../domain/notification';
import type { NotificationSettings, NotificationSettingsPatch } from '../domain/notification-settings.service';

export class NotificationSettingsDto implements NotificationSettings {
  @ApiProperty({ description: 'Send notifications by e-mail' }) emailEnabled: boolean;
  @ApiProperty({ nullable: true, type: String, description: "The address for notifications; null: the account's" })
  emailAddress: string | null;
  @ApiProperty({ nullable: true, type: String, description: "The account's own address, the default" })
  accountEmail: string | null;
  @ApiProperty({ description: 'Whether this server can send e-mail at all (its operator set SMTP_URL)' })
  emailAvailable: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'Why e-mail is unavailable, when it is' })
  emailUnavailableReason: string | null;
  @ApiProperty({ description: 'POST each notification as JSON to the webhook URL' }) webhookEnabled: boolean;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Gotify: https://gotify.example.com/message?token=…; ntfy: https://ntfy.sh/?topic=…',
  })
  webhookUrl: string | null;
}

export class UpdateNotificationSettingsDto implements NotificationSettingsPatch {
  @ApiPropertyOptional() @Omittable() @IsBoolean() emailEnabled?: boolean;
  @ApiClearableProperty(String, { description: "null goes back to the account's address" })
  @IsOptional()
  @Trimmed()
  @IsEmail({}, { message: 'must be an e-mail address' })
  @MaxLength(254)
  emailAddress?: string | null;
  @ApiPropertyOptional() @Omittable() @IsBoolean() webhookEnabled?: boolean;
  @ApiClearableProperty(String, { description: 'http(s); null removes it (and turns the webhook off)' })
  @IsOptional()
  @Trimmed()
  @IsString()
  @MaxLength(2000)
  webhookUrl?: string | null;
}

export class NotificationTestDto {
  @ApiPropertyOptional({
    enum: channels,
    description: 'Only this channel (even when turned off); default: every one on',
  })
  @IsOptional()
  @IsIn(channels)
  channel?: Channel;
}

export class ChannelTestResultDto implements ChannelTestResult {
  @ApiProperty({ enum: channels }) channel: Channel;
  @ApiProperty() ok: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'Why it did not arrive' }) error: string | null;
}

export class NotificationTestResultDto {
  @ApiProperty({ type: [ChannelTestResultDto] }) results: ChannelTestResultDto[];
}

export class NotificationDeliveryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: channels }) channel: Channel;
  @ApiProperty({ description: 'What it is about; the same key for the same user and channel is sent once' })
  key: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: deliveryStatuses }) status: DeliveryStatus;
  @ApiProperty({ description: 'Attempts made so far' }) attempts: number;
  @ApiProperty({ nullable: true, type: String, description: 'Why the last attempt failed' }) lastError: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date-time',
    description: 'When it is tried next (pending only)',
  })
  nextAttemptAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) sentAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class NotificationDeliveryPageDto {
  @ApiProperty({ type: [NotificationDeliveryDto] }) items: NotificationDeliveryDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class NotificationDeliveriesQueryDto extends PageQueryDto implements DeliveryListQuery {
  @ApiPropertyOptional({ enum: deliveryStatuses })
  @IsOptional()
  @IsIn(deliveryStatuses)
  status?: DeliveryStatus;
}

export function toNotificationSettingsDto(
  settings: NotificationSettings,
  unavailableReason: string,
): NotificationSettingsDto {
  return { ...settings, emailUnavailableReason: settings.emailAvailable ? null : unavailableReason };
}

export function toNotificationDeliveryDto(delivery: NotificationDeliveryEntity): NotificationDeliveryDto {
  return {
    id: delivery.id,
    channel: delivery.channel,
    key: delivery.key,
    title: delivery.title,
    status: delivery.status,
    attempts: delivery.attempts,
    lastError: delivery.lastError,
    nextAttemptAt: delivery.status === 'pending' ? delivery.nextAttemptAt.toISOString() : null,
    sentAt: delivery.sentAt?.toISOString() ?? null,
    createdAt: delivery.createdAt.toISOString(),
  };
}
