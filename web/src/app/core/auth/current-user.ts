import { HttpClient } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import { Observable, tap } from 'rxjs';
import { ApiSchema } from '../api/api-schema';

/** `GET /api/me`: the signed-in user and their preferences. */
export type Me = ApiSchema<'MeDto'>;
export type DistanceUnit = Me['distanceUnit'];
export type VolumeUnit = Me['volumeUnit'];
export type EconomyUnit = Me['economyUnit'];

/** `PATCH /api/me`: the display name and preferences to change. */
export type MePatch = ApiSchema<'UpdateMeDto'>;

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
