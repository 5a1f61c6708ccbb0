import { Page } from 'playwright-core';

/** Where the app keeps its session (angular-auth-oidc-client's storage, per tab). */
const sessionKey = '0-motovaultpro-web';

export interface ApiAnswer<T> {
  status: number;
  body: T;
}

/**
 * Calls the API as the user signed in on `page` (its access token), for what a test sets up or
 * checks beside the screens it drives: `call('POST', '/api/vehicles', {...})`.
 */
export async function apiAsPage(page: Page, baseUrl: string) {
  const token = await page.evaluate((key) => {
    const stored = JSON.parse(sessionStorage.getItem(key) ?? '{}') as { authzData?: string };
    return stored.authzData;
  }, sessionKey);
  if (!token) throw new Error('The page has no access token: open a page signed in first');
  return async <T>(method: string, path: string, body?: unknown): Promise<ApiAnswer<T>> => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
  };
}
