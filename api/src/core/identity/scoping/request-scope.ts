import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { AuthenticatedUser, RequestWithUser } from '../auth/authenticated-user';
import type { UserOwned, UserScope, UserScopedRepository } from './user-scoped-repository';

/**
 * One request's caller and its way into the user tables: built once per request, after the auth
 * guard, by `@Scoped()`, which hands it to the handler; handlers pass it on to services. A service
 * reaches a user table only through `scope.of(table)`, so it cannot ask for another user's rows.
 */
export class RequestScope {
  constructor(readonly caller: AuthenticatedUser) {}

  /**
   * One user's scope where no signed-in request is: a background job (reminder alerts) or a secret
   * link that stands for the user (a calendar feed). The same scoping, built from a known users.id.
   */
  static onBehalfOf(userId: string): RequestScope {
    return new RequestScope({ userId, sub: '', via: 'service', access: 'read_write' });
  }

  get userId(): string {
    return this.caller.userId;
  }

  /** The caller's live rows of a user table (`user_id` on every query, soft-deleted rows skipped). */
  of<E extends UserOwned>(table: UserScopedRepository<E>): UserScope<E> {
    return table.forUser(this.caller.userId);
  }
}

export type ScopedRequest = RequestWithUser & { scope?: RequestScope };

/** Marks a handler as one that reads or writes the caller's data; read by the startup route check. */
export const SCOPED_ROUTE = 'motovaultpro:scoped';

/**
 * Not a Nest interceptor: a global one halved the throughput of every route (bench `me`: 3,171 vs
 * 6,909 requests/s, RSS peak 278 vs 147 MB), from the RxJS and AsyncResource wrapping Nest puts
 * around each handler once any interceptor exists. Parameter decorators run at the same point,
 * after the guard and before the handler, for nothing.
 */
const scopeOfRequest = createParamDecorator((_data: unknown, context: ExecutionContext): RequestScope => {
  const request = context.switchToHttp().getRequest<ScopedRequest>();
  // The route check at startup refuses `@Public()` routes that ask for a scope, so a caller is always there.
  if (!request.user) throw new Error('A @Scoped() parameter on a route without a signed-in caller');
  return (request.scope ??= new RequestScope(request.user));
});

/** The request's `RequestScope`: `list(@Scoped() scope: RequestScope) { return this.service.list(scope); }` */
export const Scoped = (): ParameterDecorator => (target, key, index) => {
  if (key !== undefined) Reflect.defineMetadata(SCOPED_ROUTE, true, (target as Record<string | symbol, object>)[key]);
  scopeOfRequest()(target, key, index);
};
