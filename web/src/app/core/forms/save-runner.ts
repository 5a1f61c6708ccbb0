import { DestroyRef, Signal, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Observable, finalize } from 'rxjs';

/** What happens to a save once the API answers. */
export interface SaveOutcome<T> {
  next: (value: T) => void;
  error: (error: unknown) => void;
}

export interface SaveRunner {
  /** True while a save is on its way. */
  readonly saving: Signal<boolean>;
  /** Sends `request` with `saving` on until it ends; its answer is dropped once the component is gone. */
  run<T>(request: Observable<T>, outcome: SaveOutcome<T>): void;
}

/** For a form or a settings section: its saves and whether one is on its way. Call in an injection context. */
export function saveRunner(): SaveRunner {
  const destroyRef = inject(DestroyRef);
  const saving = signal(false);
  return {
    saving: saving.asReadonly(),
    run(request, outcome) {
      saving.set(true);
      request
        .pipe(
          finalize(() => saving.set(false)),
          takeUntilDestroyed(destroyRef),
        )
        .subscribe(outcome);
    },
  };
}
