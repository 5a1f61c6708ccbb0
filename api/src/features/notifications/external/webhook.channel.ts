import { Inject, Injectable, Logger } from '@nestjs/common';
import { API_CONFIG, ApiConfig } from '../../../core/config/api.config';
import { delivered, DeliveryOutcome, refused } from './delivery-outcome';

/** Client errors that say "later", not "never". */
const retryableStatuses = new Set([408, 425, 429]);

/**
 * A JSON POST to a user's webhook URL, bounded by NOTIFICATIONS_TIMEOUT_MS. A 2xx answer is
 * delivered; 5xx, timeouts and network errors may pass later; other 4xx need the URL fixed. The
 * URL (which may carry a token) never reaches a log line or an error text.
 */
@Injectable()
export class WebhookChannel {
  private readonly logger = new Logger('Webhook');
  private readonly timeoutMs: number;

  constructor(@Inject(API_CONFIG) config: ApiConfig) {
    this.timeoutMs = config.NOTIFICATIONS_TIMEOUT_MS;
  }

  async send(url: string, body: object): Promise<DeliveryOutcome> {
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'MotoVaultPro' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      const reason = networkReason(error, this.timeoutMs);
      this.logger.warn(`Webhook not delivered to ${new URL(url).host}: ${reason}`);
      return refused(`The webhook could not be reached: ${reason}`, true);
    }
    const answer = await response.text().catch(() => '');
    if (response.ok) return delivered;
    const snippet = answer.trim().replace(/\s+/g, ' ').slice(0, 200);
    const status = `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
    return refused(
      `The webhook answered ${status}${snippet ? `: ${snippet}` : ''}`,
      response.status >= 500 || retryableStatuses.has(response.status),
    );
  }
}

function networkReason(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `no answer within ${timeoutMs / 1000} s`;
  }
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}
