import { ChangeDetectionStrategy, Component } from '@angular/core';
import { AboutSection } from '../components/about-section';
import { AppearanceSection } from '../components/appearance-section';

/** One section per concern; preferences and API tokens join as sections of their own. */
@Component({
  selector: 'mvp-settings-page',
  imports: [AboutSection, AppearanceSection],
  template: `
    <div class="mvp-page settings">
      <header class="mvp-page-header">
        <h1>Settings</h1>
        <p>How MotoVaultPro looks and works for you.</p>
      </header>
      <div class="sections">
        <mvp-appearance-section />
        <mvp-about-section />
      </div>
    </div>
  `,
  styles: `
    .settings {
      max-width: 840px;
    }
    .sections {
      display: flex;
      flex-direction: column;
      gap: 16px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SettingsPage {}
