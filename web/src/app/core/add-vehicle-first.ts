import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { RouterLink } from '@angular/router';

/** The empty state of a page while the garage is empty: what it holds (fill-ups, service records) needs a vehicle first. */
@Component({
  selector: 'mvp-add-vehicle-first',
  imports: [MatButton, MatIcon, RouterLink],
  template: `
    <section class="invitation" aria-labelledby="no-vehicle-heading">
      <span class="invitation-icon"
        ><mat-icon aria-hidden="true">{{ icon() }}</mat-icon></span
      >
      <h2 id="no-vehicle-heading">Add a vehicle first</h2>
      <p>{{ what() }} belong to a vehicle in your garage.</p>
      <a mat-flat-button routerLink="/vehicles/new">
        <mat-icon aria-hidden="true">add</mat-icon>
        Add vehicle
      </a>
    </section>
  `,
  styles: `
    @use 'ui';

    :host {
      display: block;
    }
    .invitation {
      @include ui.invitation;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AddVehicleFirst {
  /** The Material Symbols name in the round badge. */
  readonly icon = input.required<string>();
  /** What belongs to a vehicle, as a sentence starts: "Fill-ups". */
  readonly what = input.required<string>();
}
