import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatIconButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';

/** The star: pressed when the station is a favorite; disabled while the change is on its way. */
@Component({
  selector: 'mvp-favorite-toggle',
  imports: [MatIcon, MatIconButton],
  template: `
    <button
      mat-icon-button
      type="button"
      [class.on]="favorite()"
      [attr.aria-pressed]="favorite()"
      [attr.aria-label]="'Favorite: ' + name()"
      [title]="favorite() ? 'Remove from favorites' : 'Add to favorites'"
      [disabled]="busy()"
      (click)="toggled.emit()"
    >
      <mat-icon aria-hidden="true" [class.mvp-icon-filled]="favorite()">star</mat-icon>
    </button>
  `,
  styles: `
    :host {
      display: inline-flex;
    }
    .on {
      color: var(--mat-sys-tertiary);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FavoriteToggle {
  readonly name = input.required<string>();
  readonly favorite = input.required<boolean>();
  readonly busy = input(false);
  readonly toggled = output<void>();
}
