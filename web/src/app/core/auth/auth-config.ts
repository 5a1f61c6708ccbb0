import { HttpClient } from '@angular/common/http';
import { inject } from '@angular/core';
import { LogLevel, OpenIdConfiguration, StsConfigHttpLoader, StsConfigLoader } from 'angular-auth-oidc-client';
import { map, shareReplay } from 'rxjs';
import { ApiSchema } from '../api/api-schema';

/**
 * `GET /api/auth/config` (public): how this deployment signs people in. Auth0 wants `audience` on
 * the authorize request; the embedded issuer takes `resource` (RFC 8707) instead.
 */
export type AuthConfigResponse = ApiSchema<'AuthConfigDto'>;

export const authConfigUrl = '/api/auth/config';

/** Where the issuer sends the browser back with the authorization code. */
export const authCallbackPath = '/auth-callback';

/**
 * Maps the API's auth config to the OIDC client's: authorization code + PKCE, refresh tokens
 * (rotated by the issuer) instead of iframes, and the API named by `resource` (RFC 8707, the
 * embedded issuer) or `audience` (Auth0) on every request that mints an access token.
 */
export function toOpenIdConfiguration(config: AuthConfigResponse, origin: string): OpenIdConfiguration {
  const apiTarget: Record<string, string> = config.resource
    ? { resource: config.resource }
    : config.audience && !config.embedded
      ? { audience: config.audience }
      : {};
  return {
    authority: config.issuer.replace(/\/+$/, ''),
    clientId: config.clientId,
    scope: config.scope,
    responseType: 'code',
    redirectUrl: `${origin}${authCallbackPath}`,
    postLogoutRedirectUri: `${origin}/`,
    useRefreshToken: true,
    silentRenew: true,
    renewTimeBeforeTokenExpiresInSeconds: 30,
    // oidc-provider repeats the sign-in's nonce in ID tokens from a refresh; without this the
    // library rejects every renewal (checked by auth.browser-spec.ts).
    ignoreNonceAfterRefresh: true,
    // The access token is for our API (its `aud`), so the issuer's userinfo endpoint may refuse
    // it; the app reads the user from GET /api/me instead.
    autoUserInfo: false,
    renewUserInfoAfterTokenRenew: false,
    // The app decides where to go after the callback (AuthCallbackPage), not the library.
    triggerAuthorizationResultEvent: true,
    customParamsAuthRequest: apiTarget,
    customParamsCodeRequest: config.resource ? apiTarget : {},
    customParamsRefreshTokenRequest: config.resource ? apiTarget : {},
    logLevel: LogLevel.Warn,
  };
}

/**
 * The OIDC client's config, fetched from the API at startup. A successful answer is kept for the
 * visit; a failed one is not, so the next attempt asks again.
 */
export function authConfigLoader(): StsConfigLoader {
  const http = inject(HttpClient);
  const origin = window.location.origin;
  return new StsConfigHttpLoader(
    http.get<AuthConfigResponse>(authConfigUrl).pipe(
      map((config) => toOpenIdConfiguration(config, origin)),
      shareReplay({ bufferSize: 1, refCount: false }),
    ),
  );
}
