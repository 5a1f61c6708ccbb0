import { DOCUMENT } from '@angular/common';
import { DestroyRef, Injectable, inject } from '@angular/core';
import { Observable, catchError, map, shareReplay, throwError } from 'rxjs';
import { StoredDocument } from './document';
import { DocumentsApi } from './documents-api';

type Cached = Pick<StoredDocument, 'id' | 'sha256'>;

/**
 * A document's bytes and thumbnail as the page shows them. The routes need the bearer token, so
 * they are fetched as blobs and shown through object URLs, cached per document and content
 * (`id` + `sha256`: a new file is a new entry) while the page lives, and revoked when it goes.
 * Provide it per page (or per section that lists documents on another feature's page).
 */
@Injectable()
export class DocumentFiles {
  private readonly api = inject(DocumentsApi);
  private readonly page = inject(DOCUMENT);
  private readonly blobs = new Map<string, Observable<Blob>>();
  private readonly urls = new Map<string, Observable<string>>();
  private readonly madeUrls: string[] = [];

  constructor() {
    inject(DestroyRef).onDestroy(() => {
      for (const url of this.madeUrls) URL.revokeObjectURL(url);
    });
  }

  /** The file's bytes, typed by the API's media type (decided from the content, never the name). */
  content(document: Cached & Pick<StoredDocument, 'mediaType'>): Observable<Blob> {
    const key = `content:${document.id}:${document.sha256}`;
    return this.cached(this.blobs, key, () =>
      this.api.content(document.id).pipe(map((blob) => new Blob([blob], { type: document.mediaType }))),
    );
  }

  contentUrl(document: Cached & Pick<StoredDocument, 'mediaType'>): Observable<string> {
    const key = `content:${document.id}:${document.sha256}`;
    return this.cached(this.urls, key, () => this.content(document).pipe(map((blob) => this.urlOf(blob))));
  }

  thumbnailUrl(document: Cached): Observable<string> {
    const key = `thumbnail:${document.id}:${document.sha256}`;
    return this.cached(this.urls, key, () => this.api.thumbnail(document.id).pipe(map((blob) => this.urlOf(blob))));
  }

  /** Saves the file under its own name, as the browser saves downloads. */
  download(document: StoredDocument): Observable<void> {
    return this.contentUrl(document).pipe(
      map((url) => {
        const link = this.page.createElement('a');
        link.href = url;
        link.download = document.fileName;
        link.click();
      }),
    );
  }

  private urlOf(blob: Blob): string {
    const url = URL.createObjectURL(blob);
    this.madeUrls.push(url);
    return url;
  }

  /** One request per key, shared by whoever asks; a failure is forgotten, so asking again retries. */
  private cached<T>(cache: Map<string, Observable<T>>, key: string, load: () => Observable<T>): Observable<T> {
    let entry = cache.get(key);
    if (!entry) {
      entry = load().pipe(
        catchError((error: unknown) => {
          cache.delete(key);
          return throwError(() => error);
        }),
        shareReplay({ bufferSize: 1, refCount: false }),
      );
      cache.set(key, entry);
    }
    return entry;
  }
}
