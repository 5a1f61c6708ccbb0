/**
 * The part of oidc-provider 9 (ESM, no bundled types) this app uses. Loose on purpose: the
 * configuration object is checked by oidc-provider itself at construction.
 */
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  export interface InteractionResults {
    login?: { accountId: string; remember?: boolean };
    consent?: { grantId?: string };
    error?: string;
    error_description?: string;
    [key: string]: unknown;
  }

  export interface Interaction {
    uid: string;
    params: Record<string, unknown> & { client_id?: string; scope?: string };
    prompt: { name: string; reasons: string[]; details: Record<string, unknown> };
    session?: { accountId?: string };
    grantId?: string;
    lastSubmission?: InteractionResults;
  }

  export class Grant {
    constructor(properties: { accountId: string; clientId: string });
    jti: string;
    accountId: string;
    clientId: string;
    exp?: number;
    addOIDCScope(scope: string): void;
    addResourceScope(resource: string, scope: string): void;
    save(): Promise<string>;
    static find(id: string): Promise<Grant | undefined>;
  }

  export interface ClientPrototype {
    redirectUriAllowed(uri: string): boolean;
    postLogoutRedirectUriAllowed(uri: string): boolean;
    clientId: string;
  }

  export interface KoaContext {
    body: unknown;
    type: string;
    status: number;
    oidc: {
      client?: { clientId: string };
      params?: Record<string, unknown>;
      session?: { accountId?: string; exp?: number; grantIdFor(clientId: string): string | undefined };
      result?: InteractionResults;
      provider: Provider;
      [key: string]: unknown;
    };
  }

  export class Provider {
    constructor(issuer: string, configuration: Record<string, unknown>);
    proxy: boolean;
    readonly issuer: string;
    readonly Grant: typeof Grant;
    readonly Client: { prototype: ClientPrototype };
    callback(): (req: IncomingMessage, res: ServerResponse) => Promise<void>;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<Interaction>;
    interactionResult(
      req: IncomingMessage,
      res: ServerResponse,
      result: InteractionResults,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<string>;
    on(event: string, listener: (...args: unknown[]) => void): this;
    use(middleware: (ctx: never, next: () => Promise<void>) => Promise<void>): this;
  }

  export const errors: Record<string, new (...args: never[]) => Error>;
  export default Provider;
}

/** oidc-provider's per-request AsyncLocalStorage (see IssuerService.mount). */
declare module 'oidc-provider/lib/helpers/als.js' {
  import type { AsyncLocalStorage } from 'node:async_hooks';

  const requestContext: AsyncLocalStorage<unknown>;
  export default requestContext;
}
