import { inject } from '@angular/core';
import { CanActivateChildFn, Router } from '@angular/router';
import { map } from 'rxjs';
import { authCallbackPath } from './auth-config';
import { Auth } from './auth';

/**
 * Every page needs a signed-in user. Waits for the startup check (stored tokens, a refresh), then
 * either lets the navigation through or sends the browser to the issuer, remembering the page.
 * When sign-in itself is unavailable, the callback page explains it and offers a retry.
 */
export const signedInGuard: CanActivateChildFn = (_route, state) => {
  const auth = inject(Auth);
  const router = inject(Router);
  return auth.state$.pipe(
    map((current) => {
      if (current.signedIn) return true;
      if (current.problem) return router.createUrlTree([authCallbackPath]);
      auth.signIn(state.url);
      return false;
    }),
  );
};
