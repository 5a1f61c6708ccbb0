import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, map } from 'rxjs';

export type TokenAccess = 'read' | 'read_write';

/** A personal API token as listed: never the secret itself. */
export interface ApiToken {
  id: string;
  name: string;
  access: TokenAccess;
  /** The token's first characters, to tell tokens apart (e.g. `mvp_3f9a`). */
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
}

/** The answer to a create: the listing plus the secret, which the API never shows again. */
export interface CreatedApiToken extends ApiToken {
  token: string;
}

interface Page<T> {
  items: T[];
}

const tokensUrl = '/api/me/tokens';

/** Personal API tokens for scripts and home automation (`/api/me/tokens`). */
@Injectable({ providedIn: 'root' })
export class ApiTokensApi {
  private readonly http = inject(HttpClient);

  list(): Observable<ApiToken[]> {
    // A plain array or the usual `{ items, total, page, pageSize }` page.
    return this.http
      .get<ApiToken[] | Page<ApiToken>>(tokensUrl, { params: { pageSize: 100 } })
      .pipe(map((body) => (Array.isArray(body) ? body : body.items)));
  }

  create(name: string, access: TokenAccess): Observable<CreatedApiToken> {
    return this.http.post<CreatedApiToken>(tokensUrl, { name, access });
  }

  revoke(id: string): Observable<void> {
    return this.http.delete<void>(`${tokensUrl}/${encodeURIComponent(id)}`);
  }
}
