import { HttpClient } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import { Observable, tap } from 'rxjs';

export type DistanceUnit = 'mi' | 'km';
export type VolumeUnit = 'l' | 'gal_us' | 'gal_uk';
export type EconomyUnit = 'mpg_us' | 'mpg_uk' | 'l_per_100km' | 'km_per_l';

/** `GET /api/me`: the signed-in user and their preferences. */
export interface Me {
  id: string;
  email: string | null;
  displayName: string | null;
  distanceUnit: DistanceUnit;
  volumeUnit: VolumeUnit;
  economyUnit: EconomyUnit;
  /** ISO 4217, e.g. `USD`. */
  currency: string;
  /** BCP 47, e.g. `en-US`. */
  locale: string;
  /** IANA, e.g. `America/Chicago`. */
  timeZone: string;
  /** An account of the embedded sign-in (email and password), not Auth0 or another issuer. */
  localAccount: boolean;
}

export type MePatch = Partial<
  Pick<Me, 'displayName' | 'distanceUnit' | 'volumeUnit' | 'economyUnit' | 'currency' | 'locale' | 'timeZone'>
>;

const meUrl = '/api/me';

/** The signed-in user, loaded once after sign-in and kept current when settings change it. */
@Injectable({ providedIn: 'root' })
export class CurrentUser {
  private readonly http = inject(HttpClient);
  private readonly current = signal<Me | undefined>(undefined);
  private loading = false;

  readonly me = this.current.asReadonly();
  /** What to call the user: the display name, else the email; empty until loaded. */
  readonly name = computed(() => {
    const me = this.current();
    return me?.displayName?.trim() || me?.email || '';
  });
  readonly initials = computed(() => initialsOf(this.current()?.displayName?.trim() || this.current()?.email || ''));

  /** Loads the user unless already loaded or on the way; the toolbar calls this once signed in. */
  ensureLoaded(): void {
    if (this.current() || this.loading) return;
    this.loading = true;
    this.reload().subscribe({
      error: () => (this.loading = false),
      complete: () => (this.loading = false),
    });
  }

  reload(): Observable<Me> {
    return this.http.get<Me>(meUrl).pipe(tap((me) => this.current.set(me)));
  }

  update(patch: MePatch): Observable<Me> {
    return this.http.patch<Me>(meUrl, patch).pipe(tap((me) => this.current.set(me)));
  }
}

/** "Ada Lovelace" → "AL", "ada@example.com" → "A", "" → "?". */
export function initialsOf(name: string): string {
  const base = name.includes('@') ? name.slice(0, name.indexOf('@')) : name;
  const words = base.split(/[\s._-]+/).filter(Boolean);
  if (words.length === 0) return '?';
  const letters = name.includes('@') ? [words[0]] : [words[0], words.length > 1 ? words[words.length - 1] : ''];
  return letters
    .map((word) => Array.from(word)[0] ?? '')
    .join('')
    .toLocaleUpperCase();
}
