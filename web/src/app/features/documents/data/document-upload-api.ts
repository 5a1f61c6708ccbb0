import { HttpEvent } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { ProgressHttp } from '../../../core/api/progress-http';
import { StoredDocument, UploadFields } from './document';

/** Uploads (`POST /api/documents`, multipart), on the XMLHttpRequest client that reports progress. */
@Injectable({ providedIn: 'root' })
export class DocumentUploadApi {
  private readonly http = inject(ProgressHttp).client;

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
