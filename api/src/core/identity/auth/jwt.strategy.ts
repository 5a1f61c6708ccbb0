import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { passportJwtSecret } from 'jwks-rsa';
import { Passport } from 'passport';
import { ExtractJwt, SecretOrKeyProvider, Strategy } from 'passport-jwt';
import { API_CONFIG, ApiConfig } from '../../config/api.config';
import { UsersService } from '../users/users.service';
import type { AuthenticatedUser } from './authenticated-user';
import { ListeningUrl } from './listening-url';
import { TokenIssuer, tokenIssuerFor } from './token-issuer';

/** Signing keys are kept an hour; a key id we have not seen may refetch the set, at most this often a minute. */
export const jwksCacheMaxAgeMs = 3_600_000;
export const jwksRequestsPerMinute = 10;
/** Seconds of clock skew allowed on `exp` and `nbf`. */
export const clockToleranceSeconds = 5;

export interface JwtOutcome {
  user?: AuthenticatedUser;
  /** The token's `exp` (epoch seconds), for the guard's cache of verified tokens. */
  expiresAt?: number;
  /** Why it was refused (never shown to the caller). */
  failure?: unknown;
}

interface JwtClaims {
  sub?: unknown;
  exp?: unknown;
  email?: unknown;
  name?: unknown;
}

/**
 * passport-jwt with jwks-rsa: RS256 only, `iss`, `aud`, `exp` and `nbf` checked, keys from the
 * issuer's JWKS (Auth0, any OIDC issuer, or the embedded one over HTTP, the same path). The guard
 * calls `verify()`, which runs the strategy the way passport itself does, without passport's
 * per-request middleware or its global strategy registry.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  readonly tokenIssuer: TokenIssuer;

  constructor(
    @Inject(API_CONFIG) config: ApiConfig,
    listeningUrl: ListeningUrl,
    private readonly users: UsersService,
  ) {
    const tokenIssuer = tokenIssuerFor(config, () => listeningUrl.get());
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKeyProvider: lazyJwksSecret(tokenIssuer),
      issuer: tokenIssuer.issuer,
      audience: tokenIssuer.audience,
      algorithms: ['RS256'],
      jsonWebTokenOptions: { clockTolerance: clockToleranceSeconds },
    });
    this.tokenIssuer = tokenIssuer;
  }

  /** A private passport instance: nothing global, so two apps in one process do not share a strategy. */
  getPassportInstance() {
    return new Passport();
  }

  /** Called by passport-jwt with the verified payload. */
  async validate(claims: JwtClaims): Promise<[AuthenticatedUser, { exp: number }] | false> {
    if (typeof claims.sub !== 'string' || !claims.sub || typeof claims.exp !== 'number') return false;
    const userId = await this.users.idForSubject(claims.sub, {
      email: typeof claims.email === 'string' ? claims.email : undefined,
      name: typeof claims.name === 'string' ? claims.name : undefined,
    });
    return [{ userId, sub: claims.sub, via: 'jwt', access: 'read_write' }, { exp: claims.exp }];
  }

  /** Verifies the request's bearer JWT: the user, or why not. Rejects only on unexpected errors. */
  verify(request: FastifyRequest): Promise<JwtOutcome> {
    return new Promise((resolve, reject) => {
      // What passport.authenticate does per request: a throw-away object whose prototype is the strategy.
      const attempt = Object.create(this) as Strategy & {
        success(user: AuthenticatedUser, info: { exp: number }): void;
        fail(failure?: unknown): void;
        error(error: unknown): void;
      };
      attempt.success = (user, info) => resolve({ user, expiresAt: info.exp });
      attempt.fail = (failure) => resolve({ failure });
      attempt.error = reject;
      attempt.authenticate(request as never, {});
    });
  }
}

/** jwks-rsa's passport-jwt key provider, built on first use (the JWKS address may need discovery or listen). */
function lazyJwksSecret(tokenIssuer: TokenIssuer): SecretOrKeyProvider {
  let provider: Promise<SecretOrKeyProvider> | undefined;
  let failedAt = 0;
  return (request, rawJwtToken, done) => {
    if (!provider && Date.now() - failedAt < 10_000) return done(new Error('The issuer could not be reached'));
    provider ??= tokenIssuer.jwksUri().then((jwksUri) =>
      passportJwtSecret({
        jwksUri,
        cache: true,
        cacheMaxAge: jwksCacheMaxAgeMs,
        cacheMaxEntries: 10,
        rateLimit: true,
        jwksRequestsPerMinute,
        timeout: 10_000,
      }),
    );
    provider.then(
      (secret) => secret(request, rawJwtToken, done),
      (error: Error) => {
        provider = undefined;
        failedAt = Date.now();
        done(error);
      },
    );
  };
}
