import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { OidcSecurityService } from 'angular-auth-oidc-client';
import { NEVER, catchError, switchMap, take, throwError } from 'rxjs';
import { authConfigUrl } from './auth-config';
import { Auth } from './auth';

/** The API routes anyone may call: no token, and a 401 there means nothing about the session. */
const publicApiPaths = new Set(['/api/health', authConfigUrl]);

/** Same-origin API calls only (the app and the API share one origin); never the issuer or others. */
function needsToken(url: string): boolean {
  if (!url.startsWith('/api/')) return false;
  const path = url.split(/[?#]/)[0];
  return !publicApiPaths.has(path);
}

/**
 * Adds `Authorization: Bearer <access token>` to the API's own requests, and sends the user to
 * sign in again when the API answers 401 (the session ended: revoked, or expired beyond refresh).
 */
export const apiAuthInterceptor: HttpInterceptorFn = (request, next) => {
  if (!needsToken(request.url)) return next(request);
  const oidc = inject(OidcSecurityService);
  const auth = inject(Auth);
  return oidc.getAccessToken().pipe(
    take(1),
    switchMap((token) =>
      next(token ? request.clone({ setHeaders: { Authorization: `Bearer ${token}` } }) : request).pipe(
        catchError((error: unknown) => {
          // Leaving for the issuer: no error state to flash on the way out.
          if (error instanceof HttpErrorResponse && error.status === 401 && auth.signInAfterRejection(token)) {
            return NEVER;
          }
          return throwError(() => error);
        }),
      ),
    ),
  );
};
