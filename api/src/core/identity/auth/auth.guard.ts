import { CanActivate, ExecutionContext, HttpStatus, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ProblemException } from '@mvp/common';
import type { FastifyReply } from 'fastify';
import { apiTokenPrefix } from '../tokens/api-token-secret';
import { ApiTokensService } from '../tokens/api-tokens.service';
import { IS_PUBLIC, RequestWithUser } from './authenticated-user';
import { JwtStrategy } from './jwt.strategy';
import { VerifiedTokenCache } from './verified-token-cache';

const readMethods = new Set(['GET', 'HEAD', 'OPTIONS']);
type Handler = ReturnType<ExecutionContext['getHandler']>;
const bearer = /^Bearer +([^ ]+) *$/i;

/**
 * The one global guard: every Nest route needs a valid JWT or personal API token unless marked
 * `@Public()`. Sets `request.user`. Kept lean on purpose (it runs on every request): a JWT already
 * verified is served from memory until its `exp`; no async context, no passport middleware.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger('Auth');
  private readonly verified = new VerifiedTokenCache();
  private readonly publicHandlers = new WeakMap<Handler, boolean>();

  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtStrategy,
    private readonly apiTokens: ApiTokensService,
  ) {}

  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    if (this.isPublic(context.getHandler(), context.getClass())) return true;
    const http = context.switchToHttp();
    const request = http.getRequest<RequestWithUser>();
    const reply = http.getResponse<FastifyReply>();
    const token = bearerToken(request.headers.authorization);
    if (!token) throw unauthorized(reply, 'This route needs a bearer token: sign in, or send a personal API token.');
    if (token.startsWith(apiTokenPrefix)) return this.viaApiToken(request, reply, token);
    const known = this.verified.get(token);
    if (known) {
      request.user = known;
      return true;
    }
    return this.viaJwt(request, reply, token);
  }

  /** `@Public()` per route handler, read from metadata once: the guard runs on every request. */
  private isPublic(handler: Handler, controller: ReturnType<ExecutionContext['getClass']>): boolean {
    let open = this.publicHandlers.get(handler);
    if (open === undefined) {
      open = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [handler, controller]) === true;
      this.publicHandlers.set(handler, open);
    }
    return open;
  }

  private async viaJwt(request: RequestWithUser, reply: FastifyReply, token: string): Promise<boolean> {
    const outcome = await this.jwt.verify(request);
    if (!outcome.user || outcome.expiresAt === undefined) {
      this.logger.debug(`JWT refused: ${describe(outcome.failure)}`);
      throw unauthorized(reply, 'The bearer token is invalid or has expired.', 'invalid_token');
    }
    this.verified.set(token, outcome.user, outcome.expiresAt);
    request.user = outcome.user;
    return true;
  }

  private async viaApiToken(request: RequestWithUser, reply: FastifyReply, token: string): Promise<boolean> {
    const user = await this.apiTokens.authenticate(token);
    if (!user) throw unauthorized(reply, 'The API token is unknown or has been revoked.', 'invalid_token');
    if (user.access === 'read' && !readMethods.has(request.method)) throw readOnly(reply);
    request.user = user;
    return true;
  }
}

function bearerToken(header: string | undefined): string | undefined {
  return header ? bearer.exec(header)?.[1] : undefined;
}

function unauthorized(reply: FastifyReply, detail: string, error?: 'invalid_token'): ProblemException {
  void reply.header('www-authenticate', `Bearer realm="MotoVaultPro"${error ? `, error="${error}"` : ''}`);
  return new ProblemException(HttpStatus.UNAUTHORIZED, { title: 'Unauthorized', detail });
}

function readOnly(reply: FastifyReply): ProblemException {
  void reply.header('www-authenticate', 'Bearer realm="MotoVaultPro", error="insufficient_scope"');
  return new ProblemException(HttpStatus.FORBIDDEN, {
    title: 'Forbidden',
    detail: 'This API token is read-only: it may read (GET) but not change anything.',
  });
}

function describe(failure: unknown): string {
  return failure instanceof Error ? failure.message : String(failure ?? 'no reason given');
}
