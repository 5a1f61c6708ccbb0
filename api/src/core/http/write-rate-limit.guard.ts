import { CanActivate, ExecutionContext, HttpStatus, Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { ProblemException } from '@mvp/common';
import { API_CONFIG, ApiConfig } from '../config/api.config';
import { RequestWithUser } from '../identity/auth/authenticated-user';
import { API_RUNTIME, ApiRuntime } from '../runtime';
import { RateLimitStorage, rateLimitedAddressFor, rateLimitStorageFor } from './rate-limit-storage';

const writeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const minute = 60_000;
const throttlerName = 'apiWrites';

/**
 * A generous cap on writes under /api (`API_WRITE_LIMIT_PER_MINUTE`, 0 = none), per signed-in user
 * or, for a caller without a user, per client address: a runaway script or a stolen token cannot
 * flood the database. A guard registered after the auth guard, so the user is known (an
 * interceptor would cost every request Nest's interceptor chain). Counted in Redis when configured
 * (every replica shares the budget), else in this process.
 */
@Injectable()
export class WriteRateLimitGuard implements CanActivate, OnApplicationShutdown {
  private readonly limit: number;
  private readonly storage: RateLimitStorage;
  private readonly clientAddress: (request: Record<string, unknown>) => string;

  constructor(@Inject(API_CONFIG) config: ApiConfig, @Inject(API_RUNTIME) runtime: ApiRuntime) {
    this.limit = config.API_WRITE_LIMIT_PER_MINUTE;
    this.storage = rateLimitStorageFor(config, runtime);
    this.clientAddress = rateLimitedAddressFor(config);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<RequestWithUser>();
    if (this.limit > 0 && writeMethods.has(request.method) && request.url.startsWith('/api/')) {
      await this.count(request);
    }
    return true;
  }

  onApplicationShutdown(): void {
    this.storage.onApplicationShutdown?.();
  }

  private async count(request: RequestWithUser): Promise<void> {
    const key = request.user
      ? `user:${request.user.userId}`
      : `address:${this.clientAddress(request as unknown as Record<string, unknown>)}`;
    const { totalHits, timeToExpire } = await this.storage.increment(key, minute, this.limit, 0, throttlerName);
    if (totalHits <= this.limit) return;
    const retryAfter = String(Math.max(1, timeToExpire));
    throw new ProblemException(
      HttpStatus.TOO_MANY_REQUESTS,
      {
        type: 'urn:motovaultpro:problem:rate-limited',
        title: 'Too Many Requests',
        detail: `More than ${this.limit} changes a minute: try again in ${retryAfter} s.`,
        limit: this.limit,
      },
      { 'retry-after': retryAfter },
    );
  }
}
