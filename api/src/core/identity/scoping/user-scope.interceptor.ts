import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Observable } from 'rxjs';
import { RequestScope, ScopedRequest } from './request-scope';

/**
 * Runs after the auth guard on every route: a request with a caller gets its `RequestScope`, once.
 * Plain objects on the request, no AsyncLocalStorage and no request-scoped providers (ADR 0004).
 */
@Injectable()
export class UserScopeInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<ScopedRequest>();
    if (request.user) request.scope = new RequestScope(request.user);
    return next.handle();
  }
}
