import { DOCUMENT, Injectable, computed, effect, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { EMPTY, filter, fromEvent, map } from 'rxjs';

export type ThemeChoice = 'system' | 'light' | 'dark';
export type ColorScheme = 'light' | 'dark';

/** localStorage key; index.html reads it too, to apply the theme before the first paint. */
export const themeStorageKey = 'mvp.theme';

const themeChoices: readonly ThemeChoice[] = ['system', 'light', 'dark'];

function isThemeChoice(value: unknown): value is ThemeChoice {
  return themeChoices.includes(value as ThemeChoice);
}

/**
 * The light/dark choice, remembered in localStorage. The Material theme is built with
 * `color-scheme` tokens (`light-dark()`), so switching is just `color-scheme` on <html>:
 * unset follows the OS, `light` or `dark` pins it.
 */
@Injectable({ providedIn: 'root' })
export class ThemeService {
  private readonly document = inject(DOCUMENT);
  private readonly storage = safeStorage(this.document.defaultView);
  private readonly darkQuery = this.document.defaultView?.matchMedia?.('(prefers-color-scheme: dark)');

  private readonly selected = signal<ThemeChoice>(this.readStoredChoice());
  private readonly systemPrefersDark = signal(this.darkQuery?.matches ?? false);

  /** What the user picked: follow the system, or always light / dark. */
  readonly choice = this.selected.asReadonly();
  /** The scheme actually on screen. */
  readonly scheme = computed<ColorScheme>(() => {
    const choice = this.selected();
    if (choice !== 'system') return choice;
    return this.systemPrefersDark() ? 'dark' : 'light';
  });

  constructor() {
    const darkQuery = this.darkQuery;
    (darkQuery ? fromEvent<MediaQueryListEvent>(darkQuery, 'change') : EMPTY)
      .pipe(takeUntilDestroyed())
      .subscribe((event) => this.systemPrefersDark.set(event.matches));

    // Another tab changed the theme: follow it.
    const view = this.document.defaultView;
    (view ? fromEvent<StorageEvent>(view, 'storage') : EMPTY)
      .pipe(
        filter((event) => event.key === themeStorageKey),
        map((event) => (isThemeChoice(event.newValue) ? event.newValue : 'system')),
        takeUntilDestroyed(),
      )
      .subscribe((choice) => this.selected.set(choice));

    effect(() => {
      const choice = this.selected();
      this.document.documentElement.style.colorScheme = choice === 'system' ? '' : choice;
    });
  }

  setChoice(choice: ThemeChoice): void {
    this.selected.set(choice);
    try {
      this.storage?.setItem(themeStorageKey, choice);
    } catch {
      // Storage full or blocked: the choice still applies to this visit.
    }
  }

  /** The toolbar button: flips what is on screen and pins it. */
  toggle(): void {
    this.setChoice(this.scheme() === 'dark' ? 'light' : 'dark');
  }

  private readStoredChoice(): ThemeChoice {
    try {
      const stored = this.storage?.getItem(themeStorageKey);
      return isThemeChoice(stored) ? stored : 'system';
    } catch {
      return 'system';
    }
  }
}

/** localStorage, or undefined where reading the property itself throws (blocked storage). */
function safeStorage(view: Window | null): Storage | undefined {
  try {
    return view?.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}
