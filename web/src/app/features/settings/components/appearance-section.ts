import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonToggle, MatButtonToggleChange, MatButtonToggleGroup } from '@angular/material/button-toggle';
import { MatCard } from '@angular/material/card';
import { MatIcon } from '@angular/material/icon';
import { ThemeChoice, ThemeService } from '../../../core/theme/theme.service';

interface ThemeOption {
  value: ThemeChoice;
  label: string;
  icon: string;
}

@Component({
  selector: 'mvp-appearance-section',
  imports: [MatButtonToggle, MatButtonToggleGroup, MatCard, MatIcon],
  template: `
    <section aria-labelledby="appearance-heading">
      <mat-card appearance="outlined">
        <h2 id="appearance-heading">Appearance</h2>
        <p class="section-intro">Applies on this device and is remembered for your next visit.</p>
        <div class="row">
          <span class="row-label">
            <span id="theme-label">Theme</span>
            <span class="row-hint" id="theme-hint">System follows your device's light or dark setting.</span>
          </span>
          <mat-button-toggle-group
            aria-labelledby="theme-label"
            aria-describedby="theme-hint"
            hideSingleSelectionIndicator
            [value]="theme.choice()"
            (change)="choose($event)"
          >
            @for (option of options; track option.value) {
              <mat-button-toggle [value]="option.value">
                <mat-icon aria-hidden="true">{{ option.icon }}</mat-icon>
                {{ option.label }}
              </mat-button-toggle>
            }
          </mat-button-toggle-group>
        </div>
      </mat-card>
    </section>
  `,
  styleUrl: './settings-section.scss',
  styles: `
    mat-button-toggle mat-icon {
      margin-right: 6px;
      vertical-align: middle;
      width: 20px;
      height: 20px;
      font-size: 20px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AppearanceSection {
  protected readonly theme = inject(ThemeService);
  protected readonly options: readonly ThemeOption[] = [
    { value: 'system', label: 'System', icon: 'brightness_auto' },
    { value: 'light', label: 'Light', icon: 'light_mode' },
    { value: 'dark', label: 'Dark', icon: 'dark_mode' },
  ];

  protected choose(change: MatButtonToggleChange): void {
    this.theme.setChoice(change.value as ThemeChoice);
  }
}
