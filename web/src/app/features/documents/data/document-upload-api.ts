import {
  HttpBackend,
  HttpClient,
  HttpEvent,
  HttpXhrBackend,
  provideHttpClient,
  withInterceptors,
} from '@angular/common/http';
import { EnvironmentInjector, Injectable, createEnvironmentInjector, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { apiAuthInterceptor } from '../../../core/auth/auth.interceptor';
import { StoredDocument, UploadFields } from './document';

/**
 * Uploads (`POST /api/documents`, multipart). The app's HttpClient runs on fetch, which reports no
 * upload progress; this one runs on XMLHttpRequest, with the app's interceptor for the token.
 */
@Injectable({ providedIn: 'root' })
export class DocumentUploadApi {
  private readonly http = createEnvironmentInjector(
    [
      provideHttpClient(withInterceptors([apiAuthInterceptor])),
      // Listed last, so it wins over the fetch backend the root injector offers.
      { provide: HttpBackend, useExisting: HttpXhrBackend },
    ],
    inject(EnvironmentInjector),
  ).get(HttpClient);

  /**
   * The text fields first, then the file (the API reads the fields before the bytes it streams to
   * storage). Emits the progress events and the response; unsubscribing aborts the request.
   */
  upload(file: File, fields: UploadFields): Observable<HttpEvent<StoredDocument>> {
    const body = new FormData();
    for (const [name, value] of Object.entries(fields)) {
      if (typeof value === 'string' && value.trim()) body.append(name, value);
    }
    body.append('file', file, file.name);
    return this.http.post<StoredDocument>('/api/documents', body, { reportProgress: true, observe: 'events' });
  }
}
