import { ElementRef, Injector, afterNextRender, inject } from '@angular/core';

/** The controls of invalid Material form fields, in the order of the page. */
const invalidFieldControls = [
  '.mat-form-field-invalid input',
  '.mat-form-field-invalid mat-select',
  '.mat-form-field-invalid textarea',
];

/**
 * For a form page: a function that, once the errors it has just set are on screen, moves the focus
 * to the first invalid field of the component (or to the first element matching `alsoFocusable`,
 * a message that stands for a group of fields, whichever comes first). Call in an injection context.
 */
export function firstErrorFocuser(...alsoFocusable: string[]): () => void {
  const host = inject<ElementRef<HTMLElement>>(ElementRef);
  const injector = inject(Injector);
  const selector = [...invalidFieldControls, ...alsoFocusable].join(', ');
  return () => {
    afterNextRender(() => host.nativeElement.querySelector<HTMLElement>(selector)?.focus(), { injector });
  };
}
