import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { DocumentFields, DocumentPage, DocumentQuery, DocumentUsage, StoredDocument } from './document';

const documentsUrl = '/api/documents';
const documentUrl = (id: string) => `${documentsUrl}/${encodeURIComponent(id)}`;

/** Documents (`/api/documents`) apart from uploads (`DocumentUploadApi`); errors are problem+json. */
@Injectable({ providedIn: 'root' })
export class DocumentsApi {
  private readonly http = inject(HttpClient);

  /** Newest first. */
  list(query: DocumentQuery = {}): Observable<DocumentPage> {
    const params: Record<string, string | number> = {};
    for (const [key, value] of Object.entries(query)) {
      if (typeof value === 'string' || typeof value === 'number') params[key] = value;
    }
    return this.http.get<DocumentPage>(documentsUrl, { params });
  }

  /** How much of the quota the user's documents take, and the largest file one upload may bring. */
  usage(): Observable<DocumentUsage> {
    return this.http.get<DocumentUsage>(`${documentsUrl}/usage`);
  }

  update(id: string, patch: DocumentFields): Observable<StoredDocument> {
    return this.http.patch<StoredDocument>(documentUrl(id), patch);
  }

  /** A soft delete: `restore` brings it back until the file is purged. */
  remove(id: string): Observable<void> {
    return this.http.delete<void>(documentUrl(id));
  }

  restore(id: string): Observable<StoredDocument> {
    return this.http.post<StoredDocument>(`${documentUrl(id)}/restore`, null);
  }

  /** The file's bytes: the route needs the bearer token, so no `<img src>` or link can fetch it. */
  content(id: string): Observable<Blob> {
    return this.http.get(`${documentUrl(id)}/content`, { responseType: 'blob' });
  }

  /** A small WebP of an image (`hasThumbnail`). */
  thumbnail(id: string): Observable<Blob> {
    return this.http.get(`${documentUrl(id)}/thumbnail`, { responseType: 'blob' });
  }
}
