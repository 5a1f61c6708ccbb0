import { DOCUMENT, Injectable, inject } from '@angular/core';
import { Router } from '@angular/router';
import { LoginResponse, OidcSecurityService } from 'angular-auth-oidc-client';
import { Observable, catchError, concatMap, defer, map, of, shareReplay, switchMap, take, tap } from 'rxjs';

/** sessionStorage: where to return after the issuer sends the browser back. */
const returnUrlKey = 'mvp.auth.returnUrl';
/**
 * sessionStorage: the sign-in round trip a 401 started. `pending` while the browser is at the issuer;
 * then the fingerprint of the access token that round trip brought back. When the API refuses that
 * very token too, another round trip would only loop: the app shows the error instead. Counting
 * round trips per token, not seconds, keeps this the same on a fast machine and a slow one.
 */
const reauthenticationKey = 'mvp.auth.reauthentication';
const pendingReauthentication = 'pending';

export interface AuthState {
  signedIn: boolean;
  /** Why the check failed, when it did (config unreachable, issuer error on the callback). */
  problem?: string;
}

/**
 * Sign-in state for the whole app. `state$` runs the OIDC client's `checkAuth` once per page load
 * (completing a callback when the URL carries one, or reusing stored tokens, refreshed with the
 * refresh token when the access token has expired); guards and the callback page wait for it.
 */
@Injectable({ providedIn: 'root' })
export class Auth {
  private readonly oidc = inject(OidcSecurityService);
  private readonly router = inject(Router);
  private readonly window = inject(DOCUMENT).defaultView;
  private readonly storage = safeSessionStorage(this.window);
  /** Set once the browser is on its way to the issuer: later 401s of the same page are expected. */
  private leaving = false;

  readonly state$: Observable<AuthState> = defer(() => this.oidc.checkAuth()).pipe(
    switchMap((response) => (response.isAuthenticated ? of(response) : this.refreshIfPossible(response))),
    switchMap((response) =>
      response.isAuthenticated ? this.noteReauthenticatedToken().pipe(map(() => response)) : of(response),
    ),
    map((response): AuthState => ({ signedIn: response.isAuthenticated, problem: response.errorMessage || undefined })),
    catchError((error: unknown) => of<AuthState>({ signedIn: false, problem: describe(error) })),
    shareReplay({ bufferSize: 1, refCount: false }),
  );

  /** Sends the browser to the issuer's sign-in page; it comes back to `returnUrl`. */
  signIn(returnUrl = this.router.url): void {
    this.storage?.removeItem(reauthenticationKey);
    this.leave(returnUrl);
  }

  private leave(returnUrl: string): void {
    this.write(returnUrlKey, returnUrl.startsWith('/') ? returnUrl : `/${returnUrl}`);
    this.leaving = true;
    this.oidc.authorize();
  }

  /** After the callback: where the user was before signing in (once). */
  takeReturnUrl(): string {
    const url = this.read(returnUrlKey);
    this.storage?.removeItem(returnUrlKey);
    // Only app paths: never an absolute URL somebody put into storage.
    return url && url.startsWith('/') && !url.startsWith('//') ? url : '/dashboard';
  }

  /**
   * The API answered 401 to a request carrying `refusedToken`: the session is gone (revoked,
   * expired beyond refresh). Signs in again, unless `refusedToken` is the one the last such sign-in
   * brought back (or that sign-in never came back): then the API refuses even fresh tokens, and
   * another round would only loop. Returns whether it redirects.
   */
  signInAfterRejection(refusedToken: string | null | undefined): boolean {
    if (this.leaving) return true;
    const marker = this.read(reauthenticationKey);
    if (marker === pendingReauthentication || (refusedToken && marker === fingerprint(refusedToken))) return false;
    this.write(reauthenticationKey, pendingReauthentication);
    this.oidc.logoffLocal();
    this.leave(this.router.url);
    return true;
  }

  /** Ends the session here and at the issuer, which sends the browser back to `/`. */
  signOut(): void {
    this.storage?.removeItem(reauthenticationKey);
    this.oidc
      .getRefreshToken()
      .pipe(
        take(1),
        // Best effort: revoke the refresh token so it is useless even if copied.
        concatMap((token) => (token ? this.oidc.revokeRefreshToken().pipe(catchError(() => of(null))) : of(null))),
        concatMap(() => this.oidc.logoff()),
      )
      .subscribe({
        error: () => {
          // No end-session endpoint reachable: at least forget the tokens here.
          this.oidc.logoffLocal();
          this.window?.location.assign('/');
        },
      });
  }

  private refreshIfPossible(response: LoginResponse): Observable<LoginResponse> {
    return this.oidc.getRefreshToken().pipe(
      take(1),
      switchMap((refreshToken) =>
        refreshToken ? this.oidc.forceRefreshSession().pipe(catchError(() => of(response))) : of(response),
      ),
    );
  }

  /** Back from a round trip a 401 started: remember which token it brought. */
  private noteReauthenticatedToken(): Observable<unknown> {
    if (this.read(reauthenticationKey) !== pendingReauthentication) return of(null);
    return this.oidc.getAccessToken().pipe(
      take(1),
      tap((token) => {
        if (token) this.write(reauthenticationKey, fingerprint(token));
        else this.storage?.removeItem(reauthenticationKey);
      }),
    );
  }

  private read(key: string): string | null {
    try {
      return this.storage?.getItem(key) ?? null;
    } catch {
      return null;
    }
  }

  private write(key: string, value: string): void {
    try {
      this.storage?.setItem(key, value);
    } catch {
      // Blocked storage: the user lands on the dashboard after signing in.
    }
  }
}

function safeSessionStorage(view: Window | null): Storage | undefined {
  try {
    return view?.sessionStorage ?? undefined;
  } catch {
    return undefined;
  }
}

/** Enough of a token to tell it from another (a JWT's signature tail), without storing it twice. */
function fingerprint(token: string): string {
  return `token:${token.slice(-24)}`;
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error && 'message' in error) return String(error.message);
  return 'Sign-in is unavailable right now.';
}
