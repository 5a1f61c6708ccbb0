import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { Page, allPages } from '../../../core/api/all-pages';

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

const tokensUrl = '/api/me/tokens';

/** Personal API tokens for scripts and home automation (`/api/me/tokens`). */
@Injectable({ providedIn: 'root' })
export class ApiTokensApi {
  private readonly http = inject(HttpClient);

  /** Every token of the user, however many pages that takes. */
  list(): Observable<ApiToken[]> {
    return allPages((page, pageSize) => this.http.get<Page<ApiToken>>(tokensUrl, { params: { page, pageSize } }));
  }

  create(name: string, access: TokenAccess): Observable<CreatedApiToken> {
    return this.http.post<CreatedApiToken>(tokensUrl, { name, access });
  }

  revoke(id: string): Observable<void> {
    return this.http.delete<void>(`${tokensUrl}/${encodeURIComponent(id)}`);
  }
}
