import { HttpBackend, HttpClient, HttpXhrBackend, provideHttpClient, withInterceptors } from '@angular/common/http';
import { EnvironmentInjector, Injectable, createEnvironmentInjector, inject } from '@angular/core';
import { apiAuthInterceptor } from '../auth/auth.interceptor';

/**
 * An HttpClient on XMLHttpRequest, for requests that show their progress (uploads, big downloads).
 * The app's HttpClient runs on fetch, which reports no upload progress; this one keeps the app's
 * interceptor, so the token and the 401 handling stay the same. Unsubscribing aborts the request.
 */
@Injectable({ providedIn: 'root' })
export class ProgressHttp {
  readonly client = createEnvironmentInjector(
    [
      provideHttpClient(withInterceptors([apiAuthInterceptor])),
      // Listed last, so it wins over the fetch backend the root injector offers.
      { provide: HttpBackend, useExisting: HttpXhrBackend },
    ],
    inject(EnvironmentInjector),
  ).get(HttpClient);
}
