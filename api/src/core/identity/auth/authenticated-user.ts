import { SetMetadata } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

/** Who is calling: set on the request by the global auth guard, turned into the request's `RequestScope` by `@Scoped()`. */
export interface AuthenticatedUser {
  /** `users.id`: what every user-scoped table stores in `user_id`. */
  userId: string;
  /** The token's `sub`. */
  sub: string;
  /** How the caller proved it: a JWT from the issuer, a personal API token; `service`: the app itself, for the user. */
  via: 'jwt' | 'api-token' | 'service';
  /** Personal API tokens may be read-only; JWTs are always read-write. */
  access: 'read' | 'read_write';
  /** The personal API token's id, when `via` is `api-token`. */
  tokenId?: string;
}

export type RequestWithUser = FastifyRequest & { user?: AuthenticatedUser };

export const IS_PUBLIC = 'motovaultpro:public';

/** Marks a route (or controller) open to everyone: health, API docs, the issuer's pages. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
