import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
  OnModuleInit,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { problemTypes } from '@mvp/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { IncomingMessage } from 'node:http';
import type { KoaContext, Provider } from 'oidc-provider';
import type { DataSource } from 'typeorm';
import { API_CONFIG, ApiConfig } from '../../config/api.config';
import { UsersService } from '../users/users.service';
import {
  embeddedIssuer,
  isAllowedLoopbackRedirect,
  isLoopbackUrl,
  issuerLifetimes,
  purgeIntervalMs,
} from './issuer.constants';
import { loadIssuerKeys } from './issuer-keys';
import { logoutPage, messagePage } from './pages';
import { PostgresOidcAdapter, purgeExpiredOidcPayloads } from './postgres-adapter';

type RequestWithBody = IncomingMessage & { originalUrl?: string };

/**
 * The embedded OpenID Provider (oidc-provider), running only when no external issuer is
 * configured. Its endpoints live under `/auth` as one Fastify route that hands the raw request
 * to oidc-provider; `/auth/interaction/*` (sign-in and sign-up pages) are Nest controllers.
 */
@Injectable()
export class IssuerService implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Issuer');
  private oidc?: Provider;
  private purgeTimer?: NodeJS.Timeout;
  readonly enabled: boolean;
  readonly publicUrl: string;
  readonly issuer: string;

  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly users: UsersService,
    @InjectDataSource() private readonly db: DataSource,
    private readonly adapterHost: HttpAdapterHost,
  ) {
    this.enabled = !config.AUTH0_DOMAIN && !config.OIDC_ISSUER_URL;
    this.publicUrl = config.PUBLIC_URL.replace(/\/+$/, '');
    this.issuer = `${this.publicUrl}${embeddedIssuer.mountPath}`;
  }

  /** The running provider; only called by the interaction pages, which exist only when it runs. */
  get provider(): Provider {
    if (!this.oidc) throw new Error('The embedded issuer is not running');
    return this.oidc;
  }

  async onModuleInit(): Promise<void> {
    if (!this.enabled) return;
    const { Provider: OidcProvider } = await import('oidc-provider');
    const provider = new OidcProvider(this.issuer, this.configuration());
    // Behind a TLS-terminating proxy the app sees http while PUBLIC_URL says https: trust X-Forwarded-*.
    provider.proxy = this.publicUrl.startsWith('https:');
    this.allowLoopbackRedirects(provider);
    provider.on('server_error', (_ctx, error) => this.logger.error({ err: error }, 'Issuer error'));
    provider.use(answerMissesAsProblems);
    this.oidc = provider;
    this.purgeTimer = setInterval(() => void this.purge(), purgeIntervalMs).unref();
    void this.purge();
    this.logger.log(`Embedded OpenID Provider at ${this.issuer}`);
  }

  /**
   * Mounted once Nest has set its error and not-found handlers: a plugin registered (and awaited)
   * before that left Fastify's own body-parsing errors (400, 413, 415) out of the problem format.
   */
  async onApplicationBootstrap(): Promise<void> {
    if (this.oidc) await this.mount(this.oidc);
  }

  onApplicationShutdown(): void {
    if (this.purgeTimer) clearInterval(this.purgeTimer);
  }

  private async purge(): Promise<void> {
    try {
      const purged = await purgeExpiredOidcPayloads(this.db);
      if (purged > 0) this.logger.debug(`Purged ${purged} expired issuer records`);
    } catch (error) {
      this.logger.warn(`Purging expired issuer records failed: ${(error as Error).message}`);
    }
  }

  /**
   * One Fastify route for everything under /auth except the interaction pages (more specific
   * routes win in Fastify's router), in its own plugin context whose body parser leaves the
   * body unread: oidc-provider reads it itself. Nothing runs for requests outside /auth.
   */
  private async mount(provider: Provider): Promise<void> {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    const handle = provider.callback();
    // oidc-provider keeps each request's context in an AsyncLocalStorage. On Node 20 an enabled one
    // puts a hook on every promise of the process (measured: -35% on every API route after the first
    // sign-in), so it is switched off whenever no /auth request is in flight; `run()` turns it on again.
    const { default: requestContext } = await import('oidc-provider/lib/helpers/als.js');
    let inFlight = 0;
    const prefix = embeddedIssuer.mountPath;
    await fastify.register(async (scope) => {
      scope.removeAllContentTypeParsers();
      scope.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));
      const handler = async (request: FastifyRequest, reply: FastifyReply) => {
        reply.hijack();
        // Headers set by hooks (x-request-id) live on the Fastify reply, which a hijacked answer bypasses.
        for (const [name, value] of Object.entries(reply.getHeaders())) {
          if (value !== undefined) reply.raw.setHeader(name, value);
        }
        const req: RequestWithBody = request.raw;
        const url = req.url ?? '/';
        req.originalUrl = url;
        req.url = url.slice(prefix.length) || '/';
        inFlight += 1;
        try {
          await handle(req, reply.raw);
        } finally {
          req.url = url;
          inFlight -= 1;
          if (inFlight === 0) requestContext.disable();
        }
      };
      scope.all(prefix, handler);
      scope.all(`${prefix}/*`, handler);
    });
  }

  /**
   * The web client's registered redirect URIs are built from PUBLIC_URL; when PUBLIC_URL is a
   * loopback address (development, tests), the same paths on any loopback port are allowed too
   * (RFC 8252 §7.3 style), so `ng serve` on another port works. Never for a public PUBLIC_URL.
   */
  private allowLoopbackRedirects(provider: Provider): void {
    if (!isLoopbackUrl(this.publicUrl)) return;
    const prototype = provider.Client.prototype;
    const { redirectUriAllowed, postLogoutRedirectUriAllowed } = prototype;
    prototype.redirectUriAllowed = function (this: typeof prototype, uri: string) {
      return (
        redirectUriAllowed.call(this, uri) ||
        (this.clientId === embeddedIssuer.webClientId && isAllowedLoopbackRedirect(uri, embeddedIssuer.redirectPaths))
      );
    };
    prototype.postLogoutRedirectUriAllowed = function (this: typeof prototype, uri: string) {
      return (
        postLogoutRedirectUriAllowed.call(this, uri) ||
        (this.clientId === embeddedIssuer.webClientId &&
          isAllowedLoopbackRedirect(uri, embeddedIssuer.postLogoutRedirectPaths))
      );
    };
  }

  private configuration(): Record<string, unknown> {
    const keys = loadIssuerKeys(this.config);
    const { publicUrl } = this;
    const db = this.db;
    const users = this.users;
    const loopbackDev = isLoopbackUrl(publicUrl);
    const html = (ctx: KoaContext, body: string) => {
      ctx.type = 'html';
      ctx.body = body;
    };
    return {
      adapter: (name: string) => new PostgresOidcAdapter(name, db),
      clients: [
        {
          client_id: embeddedIssuer.webClientId,
          client_name: 'MotoVaultPro',
          application_type: 'web',
          token_endpoint_auth_method: 'none',
          grant_types: ['authorization_code', 'refresh_token'],
          response_types: ['code'],
          redirect_uris: embeddedIssuer.redirectPaths.map((path) => `${publicUrl}${path}`),
          post_logout_redirect_uris: embeddedIssuer.postLogoutRedirectPaths.map((path) => `${publicUrl}${path}`),
        },
      ],
      // The session cookie goes only to the issuer's own paths, not with every API request.
      cookies: { keys: keys.cookieKeys, long: { httpOnly: true, sameSite: 'lax', path: embeddedIssuer.mountPath } },
      jwks: keys.jwks,
      claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
      scopes: ['openid', 'offline_access', 'email', 'profile'],
      findAccount: async (_ctx: unknown, sub: string) => {
        const user = await users.findById(sub).catch(() => undefined);
        if (!user || user.sub !== user.id) return undefined;
        return {
          accountId: user.id,
          claims: async () => ({
            sub: user.id,
            email: user.email ?? undefined,
            email_verified: false,
            name: user.displayName ?? undefined,
          }),
        };
      },
      interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/auth/interaction/${interaction.uid}` },
      // First-party client: the grant is given at sign-in, no consent page.
      loadExistingGrant: async (ctx: KoaContext) => {
        const { oidc } = ctx;
        const client = oidc.client;
        const session = oidc.session;
        if (!client || !session?.accountId) return undefined;
        const grantId = oidc.result?.consent?.grantId ?? session.grantIdFor(client.clientId);
        if (grantId) {
          const existing = await oidc.provider.Grant.find(grantId);
          if (existing) return existing;
        }
        if (client.clientId !== embeddedIssuer.webClientId) return undefined;
        const grant = new oidc.provider.Grant({ accountId: session.accountId, clientId: client.clientId });
        grant.addOIDCScope(embeddedIssuer.webScope);
        grant.addResourceScope(embeddedIssuer.resource, embeddedIssuer.resourceScope);
        await grant.save();
        return grant;
      },
      pkce: { required: () => true },
      features: {
        devInteractions: { enabled: false },
        revocation: { enabled: true },
        userinfo: { enabled: true },
        rpInitiatedLogout: {
          enabled: true,
          logoutSource: async (ctx: KoaContext, form: string) =>
            html(ctx, logoutPage(form, typeof ctx.oidc.params?.id_token_hint === 'string')),
          postLogoutSuccessSource: async (ctx: KoaContext) =>
            html(
              ctx,
              messagePage({
                title: 'Signed out',
                message: 'You are signed out of MotoVaultPro.',
                linkHref: `${publicUrl}/`,
                linkText: 'Back to MotoVaultPro',
              }),
            ),
        },
        resourceIndicators: {
          enabled: true,
          defaultResource: async () => embeddedIssuer.resource,
          useGrantedResource: async () => true,
          getResourceServerInfo: async (_ctx: unknown, resource: string) => {
            if (resource !== embeddedIssuer.resource) {
              const { errors } = await import('oidc-provider');
              throw new errors.InvalidTarget();
            }
            return {
              scope: embeddedIssuer.resourceScope,
              audience: embeddedIssuer.audience,
              accessTokenTTL: issuerLifetimes.accessToken,
              accessTokenFormat: 'jwt',
              jwt: { sign: { alg: 'RS256' } },
            };
          },
        },
      },
      // The web client gets a refresh token without `prompt=consent` (which `offline_access` needs otherwise).
      issueRefreshToken: async (_ctx: unknown, client: { clientId: string; grantTypeAllowed(type: string): boolean }) =>
        client.grantTypeAllowed('refresh_token'),
      rotateRefreshToken: () => true,
      // Refresh tokens outlive the browser session; signing out revokes them (see docs/authentication.md).
      expiresWithSession: async () => false,
      ttl: {
        AccessToken: issuerLifetimes.accessToken,
        AuthorizationCode: issuerLifetimes.authorizationCode,
        IdToken: issuerLifetimes.idToken,
        RefreshToken: issuerLifetimes.refreshToken,
        Grant: issuerLifetimes.grant,
        Session: issuerLifetimes.session,
        Interaction: issuerLifetimes.interaction,
      },
      clientBasedCORS: (_ctx: unknown, origin: string, client: { redirectUris: string[] }) =>
        client.redirectUris.some((uri) => URL.parse(uri)?.origin === origin) || (loopbackDev && isLoopbackUrl(origin)),
      renderError: async (ctx: KoaContext, out: { error: string; error_description?: string }) =>
        html(
          ctx,
          messagePage({
            title: 'Sign-in problem',
            message: out.error_description ?? out.error,
            linkHref: `${publicUrl}/`,
            linkText: 'Back to MotoVaultPro',
          }),
        ),
    };
  }
}

/** A path under /auth that oidc-provider does not serve is a 404 problem, like any other API miss. */
async function answerMissesAsProblems(
  ctx: KoaContext & { path: string; response: { get(name: string): string } },
  next: () => Promise<void>,
) {
  await next();
  if (ctx.status !== 404 || ctx.body !== undefined) return;
  ctx.status = 404;
  ctx.type = 'application/problem+json; charset=utf-8';
  ctx.body = JSON.stringify({
    type: problemTypes.generic,
    title: 'Not Found',
    status: 404,
    detail: 'Nothing is here.',
    instance: `${embeddedIssuer.mountPath}${ctx.path}`,
    requestId: ctx.response.get('x-request-id') || undefined,
  });
}
