import type { AuthenticatedUser } from './authenticated-user';

interface Entry {
  user: AuthenticatedUser;
  /** Epoch milliseconds of the token's `exp`. */
  expiresAt: number;
}

/**
 * JWTs that already passed full verification, keyed by the whole token string (header, payload and
 * signature: a token altered anywhere is another key), each kept until its own `exp`. A client
 * sends the same access token on every request until it refreshes it, so this spares the RSA
 * verification on all but the first. Only successes are stored. Least recently used goes first.
 */
export class VerifiedTokenCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly maxEntries = 5_000,
    private readonly now: () => number = Date.now,
  ) {}

  get(token: string): AuthenticatedUser | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    this.entries.delete(token);
    if (entry.expiresAt <= this.now()) return undefined;
    this.entries.set(token, entry);
    return entry.user;
  }

  set(token: string, user: AuthenticatedUser, expiresAtSeconds: number): void {
    const expiresAt = expiresAtSeconds * 1000;
    if (!(expiresAt > this.now())) return;
    this.entries.delete(token);
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(token, { user: Object.freeze({ ...user }), expiresAt });
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
  }
}
