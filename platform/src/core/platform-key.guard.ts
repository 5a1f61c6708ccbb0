import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { ProblemException } from '@mvp/common';
import type { FastifyRequest } from 'fastify';
import { PlatformMessage } from '../contract';
import { isSameKey } from './api-key';
import { PlatformFault } from './platform-fault';
import { PLATFORM_RUNTIME, PlatformRuntime } from './runtime';

/**
 * Every TCP message carries the key beside its payload; every HTTP request sends it as a bearer
 * token. A wrong or missing key is `unauthorized`, which callers can tell apart from `not_found`.
 */
@Injectable()
export class PlatformKeyGuard implements CanActivate {
  constructor(@Inject(PLATFORM_RUNTIME) private readonly runtime: PlatformRuntime) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() === 'rpc') {
      const message = context.switchToRpc().getData<Partial<PlatformMessage<unknown>> | undefined>();
      if (isSameKey(message?.apiKey, this.runtime.apiKey)) return true;
      throw new PlatformFault('unauthorized', 'The platform API key is missing or wrong');
    }
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const [scheme, key] = (request.headers.authorization ?? '').split(' ');
    if (scheme?.toLowerCase() === 'bearer' && isSameKey(key, this.runtime.apiKey)) return true;
    throw new ProblemException(401, {
      title: 'Unauthorized',
      detail: 'Send the platform API key as a bearer token (Authorization: Bearer <key>).',
    });
  }
}
