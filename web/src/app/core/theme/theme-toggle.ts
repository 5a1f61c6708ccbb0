import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatIconButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { ThemeService } from './theme.service';

@Component({
  selector: 'mvp-theme-toggle',
  imports: [MatIconButton, MatIcon],
  template: `
    <button mat-icon-button type="button" [attr.aria-label]="label()" [title]="label()" (click)="theme.toggle()">
      <mat-icon aria-hidden="true">{{ icon() }}</mat-icon>
    </button>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ThemeToggle {
  protected readonly theme = inject(ThemeService);
  protected readonly label = computed(() =>
    this.theme.scheme() === 'dark' ? 'Switch to light theme' : 'Switch to dark theme',
  );
  protected readonly icon = computed(() => (this.theme.scheme() === 'dark' ? 'light_mode' : 'dark_mode'));
}
