import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { allPages } from '../../../core/api/all-pages';
import { ApiSchema } from '../../../core/api/api-schema';

/** A personal API token as listed: never the secret itself. */
export type ApiToken = ApiSchema<'ApiTokenDto'>;
export type TokenAccess = ApiToken['access'];

/** The answer to a create: the listing plus the secret, which the API never shows again. */
export type CreatedApiToken = ApiSchema<'CreatedApiTokenDto'>;

const tokensUrl = '/api/me/tokens';

/** Personal API tokens for scripts and home automation (`/api/me/tokens`). */
@Injectable({ providedIn: 'root' })
export class ApiTokensApi {
  private readonly http = inject(HttpClient);

  /** Every token of the user, however many pages that takes. */
  list(): Observable<ApiToken[]> {
    return allPages((page, pageSize) =>
      this.http.get<ApiSchema<'ApiTokenPageDto'>>(tokensUrl, { params: { page, pageSize } }),
    );
  }

  create(name: string, access: TokenAccess): Observable<CreatedApiToken> {
    const body: ApiSchema<'CreateApiTokenDto'> = { name, access };
    return this.http.post<CreatedApiToken>(tokensUrl, body);
  }

  revoke(id: string): Observable<void> {
    return this.http.delete<void>(`${tokensUrl}/${encodeURIComponent(id)}`);
  }
}
