import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import type * as Nodemailer from 'nodemailer';
import { API_CONFIG, ApiConfig } from '../../../core/config/api.config';
import { delivered, DeliveryOutcome, refused } from './delivery-outcome';

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export const emailUnavailableReason =
  'E-mail is not set up on this server: its operator sets SMTP_URL and MAIL_FROM to turn it on.';

/** The SMTP server of `SMTP_URL` (nodemailer), one message per attempt, each bounded by NOTIFICATIONS_TIMEOUT_MS. */
@Injectable()
export class EmailChannel implements OnApplicationShutdown {
  private readonly logger = new Logger('Email');
  private readonly transport?: Nodemailer.Transporter;
  private readonly from?: string;

  constructor(@Inject(API_CONFIG) config: ApiConfig) {
    if (!config.SMTP_URL) return;
    const timeout = config.NOTIFICATIONS_TIMEOUT_MS;
    // Loaded only when e-mail is set up: nodemailer is about 14 MB of resident memory.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { createTransport } = require('nodemailer') as typeof Nodemailer;
    this.transport = createTransport({
      url: config.SMTP_URL,
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
    });
    this.from = config.MAIL_FROM;
  }

  /** Whether the server can send e-mail at all; `emailUnavailableReason` says why not. */
  get available(): boolean {
    return this.transport !== undefined;
  }

  async send(email: OutgoingEmail): Promise<DeliveryOutcome> {
    if (!this.transport) return refused(emailUnavailableReason, false);
    try {
      await this.transport.sendMail({ from: this.from, ...email });
      return delivered;
    } catch (error) {
      const { message, responseCode } = error as Error & { responseCode?: number };
      this.logger.warn(`E-mail not sent: ${message}`);
      // 5xx replies are permanent (no such mailbox, sender refused); 4xx and connection trouble may pass.
      const permanent = typeof responseCode === 'number' && responseCode >= 500;
      return refused(`The mail server did not take it: ${message}`, !permanent);
    }
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}
