import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { ApiSchema } from '../../../core/api/api-schema';

export type NotificationSettings = ApiSchema<'NotificationSettingsDto'>;
export type NotificationSettingsPatch = ApiSchema<'UpdateNotificationSettingsDto'>;
export type NotificationDelivery = ApiSchema<'NotificationDeliveryDto'>;
export type NotificationChannel = NotificationDelivery['channel'];
export type ChannelTestResult = ApiSchema<'ChannelTestResultDto'>;

const notificationsUrl = '/api/me/notifications';

/** The user's notification channels, test sends and recent deliveries (`/api/me/notifications`). */
@Injectable({ providedIn: 'root' })
export class NotificationsApi {
  private readonly http = inject(HttpClient);

  settings(): Observable<NotificationSettings> {
    return this.http.get<NotificationSettings>(notificationsUrl);
  }

  update(patch: NotificationSettingsPatch): Observable<NotificationSettings> {
    return this.http.patch<NotificationSettings>(notificationsUrl, patch);
  }

  /** Sends a test through every channel that is on (or only `channel`) and says how each went. */
  test(channel?: NotificationChannel): Observable<ApiSchema<'NotificationTestResultDto'>> {
    const body: ApiSchema<'NotificationTestDto'> = channel ? { channel } : {};
    return this.http.post<ApiSchema<'NotificationTestResultDto'>>(`${notificationsUrl}/test`, body);
  }

  /** The latest deliveries, newest first. */
  recentDeliveries(pageSize = 10): Observable<ApiSchema<'NotificationDeliveryPageDto'>> {
    return this.http.get<ApiSchema<'NotificationDeliveryPageDto'>>(`${notificationsUrl}/deliveries`, {
      params: { pageSize },
    });
  }

  retry(id: string): Observable<NotificationDelivery> {
    return this.http.post<NotificationDelivery>(`${notificationsUrl}/deliveries/${encodeURIComponent(id)}/retry`, {});
  }
}
