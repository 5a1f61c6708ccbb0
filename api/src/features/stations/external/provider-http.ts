import { setTimeout as delay } from 'node:timers/promises';
import { Logger } from '@nestjs/common';
import { z } from 'zod';
import { StationsProviderFailure } from './stations-provider-failure';

/** The longest a 429's Retry-After keeps us away from a service; and the pause when it gives none. */
const maxBackoffSeconds = 300;
const defaultBackoffSeconds = 30;

export interface ProviderHttpOptions {
  /** Names the service in errors and logs (`overpass`, `geocoder`, `google`). */
  service: string;
  timeoutMs: number;
  userAgent: string;
  /** Send one request at a time, as public services' usage policies ask. */
  oneAtATime?: boolean;
  /** Wait at least this long after one request ends before sending the next (Nominatim: 1 s). */
  minIntervalMs?: number;
}

/**
 * JSON over HTTP to one outside service: a deadline per call (waiting in line included), optionally
 * one request at a time with a pause between them, every failure a StationsProviderFailure, the
 * body checked against the service's documented shape, and after a 429 no further calls until its
 * Retry-After has passed (at most five minutes).
 */
export class ProviderHttp {
  private readonly logger: Logger;
  private queueTail: Promise<unknown> = Promise.resolve();
  private pausedUntil = 0;
  private lastFinishedAt = 0;

  constructor(private readonly options: ProviderHttpOptions) {
    this.logger = new Logger(`Stations:${options.service}`);
  }

  async json<Shape extends z.ZodType>(url: string, init: RequestInit, shape: Shape): Promise<z.infer<Shape>> {
    const signal = AbortSignal.timeout(this.options.timeoutMs);
    const call = () => this.send(url, init, shape, signal);
    if (!this.options.oneAtATime) return call();
    const result = this.queueTail.then(call, call);
    this.queueTail = result.catch(() => undefined);
    return result;
  }

  private async send<Shape extends z.ZodType>(
    url: string,
    init: RequestInit,
    shape: Shape,
    signal: AbortSignal,
  ): Promise<z.infer<Shape>> {
    const pausedFor = Math.ceil((this.pausedUntil - Date.now()) / 1000);
    if (pausedFor > 0) throw this.failure('quota', 'it asked us to slow down; try again shortly', pausedFor);

    let response: Response;
    let text: string;
    try {
      const spacing = this.lastFinishedAt + (this.options.minIntervalMs ?? 0) - Date.now();
      if (spacing > 0) await delay(spacing, undefined, { signal });
      response = await fetch(url, {
        ...init,
        headers: { 'user-agent': this.options.userAgent, accept: 'application/json', ...init.headers },
        signal,
      });
      text = await response.text();
    } catch (error) {
      if (signal.aborted) throw this.failure('timeout', `no answer within ${this.options.timeoutMs / 1000} s`);
      throw this.failure('unreachable', `it could not be reached (${networkReason(error)})`);
    } finally {
      this.lastFinishedAt = Date.now();
    }

    if (response.status === 429) {
      const seconds = Math.min(retryAfterSeconds(response.headers.get('retry-after')), maxBackoffSeconds);
      this.pausedUntil = Date.now() + seconds * 1000;
      throw this.failure('quota', 'it has had too many requests from us; try again shortly', seconds);
    }
    if (!response.ok) {
      throw this.failure('refused', `it answered ${response.status}${messageOf(text)}`);
    }
    const parsed = shape.safeParse(parseJson(text));
    if (!parsed.success) throw this.failure('malformed', "it answered with something we can't read");
    return parsed.data;
  }

  private failure(
    reason: StationsProviderFailure['reason'],
    explanation: string,
    retryAfter?: number,
  ): StationsProviderFailure {
    this.logger.warn(`${reason}: ${explanation}`);
    return new StationsProviderFailure(this.options.service, reason, explanation, retryAfter);
  }
}

/** Retry-After as seconds or an HTTP date; missing or unreadable gives the default pause. */
function retryAfterSeconds(header: string | null): number {
  if (!header) return defaultBackoffSeconds;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const at = Date.parse(header);
  return Number.isNaN(at) ? defaultBackoffSeconds : Math.max(1, Math.ceil((at - Date.now()) / 1000));
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The service's own words for a refusal (Google's `error.message`, or the start of a text body). */
function messageOf(body: string): string {
  const json = parseJson(body) as { error?: { message?: unknown } } | undefined;
  const message = typeof json?.error?.message === 'string' ? json.error.message : body;
  const snippet = message.trim().replace(/\s+/g, ' ').slice(0, 200);
  return snippet && !snippet.startsWith('<') ? `: ${snippet}` : '';
}

function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}
