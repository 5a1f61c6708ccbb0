import { Injectable, OnModuleInit, RequestMethod, SetMetadata } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { IS_PUBLIC } from '../auth/authenticated-user';
import { SCOPED_ROUTE } from './request-scope';

const UNSCOPED = 'motovaultpro:unscoped';

/**
 * A signed-in route that reads no user's data (the vehicle catalog): says why, so the startup
 * check can tell it from a route that forgot its scope.
 */
export const Unscoped = (why: string) => SetMetadata(UNSCOPED, why);

export interface RouteScoping {
  route: string;
  kind: 'public' | 'scoped' | 'unscoped' | 'public and scoped' | 'neither';
}

/**
 * Checked when the app starts: every route is `@Public()`, takes a `@Scoped()` scope, or says
 * `@Unscoped(why)`. A route that is none of them, or public yet asks for a scope, stops the start.
 */
@Injectable()
export class RouteScopingCheck implements OnModuleInit {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  onModuleInit(): void {
    const wrong = this.routes().filter((route) => route.kind === 'neither' || route.kind === 'public and scoped');
    if (wrong.length === 0) return;
    throw new Error(
      'Every route must be @Public(), take a @Scoped() scope, or say @Unscoped(why); these are not: ' +
        wrong.map((route) => `${route.route} (${route.kind})`).join(', '),
    );
  }

  routes(): RouteScoping[] {
    return this.discovery.getControllers().flatMap((wrapper) => {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (!controller) return [];
      const prototype = controller.prototype as Record<string, object>;
      return this.scanner
        .getAllMethodNames(prototype)
        .filter((name) => Reflect.getMetadata(PATH_METADATA, prototype[name]) !== undefined)
        .map((name) => ({
          route: `${describeRoute(controller, prototype[name])} (${controller.name}.${name})`,
          kind: this.kindOf(controller, prototype[name]),
        }));
    });
  }

  private kindOf(controller: object, handler: object): RouteScoping['kind'] {
    const targets = [handler as () => void, controller as () => void];
    const open = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) === true;
    const scoped = Reflect.getMetadata(SCOPED_ROUTE, handler) === true;
    if (open) return scoped ? 'public and scoped' : 'public';
    if (scoped) return 'scoped';
    return this.reflector.getAllAndOverride<string>(UNSCOPED, targets) ? 'unscoped' : 'neither';
  }
}

/** `GET /api/vehicles/:id` (several paths: `GET /api/health | /health`), from the route metadata. */
function describeRoute(controller: object, handler: object): string {
  const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod] ?? 'ALL';
  const pathsOf = (target: object) => [Reflect.getMetadata(PATH_METADATA, target) ?? '/'].flat() as string[];
  const trimmed = (part: string) => part.replace(/^\/+|\/+$/g, '');
  const paths = pathsOf(controller).flatMap((prefix) =>
    pathsOf(handler).map((path) => '/' + [prefix, path].map(trimmed).filter(Boolean).join('/')),
  );
  return `${method} ${paths.join(' | ')}`;
}
