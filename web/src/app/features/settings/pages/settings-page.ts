import { ChangeDetectionStrategy, Component } from '@angular/core';
import { AboutSection } from '../components/about-section';
import { ApiTokensSection } from '../components/api-tokens-section';
import { AppearanceSection } from '../components/appearance-section';
import { CalendarFeedPanel } from '../components/calendar-feed-panel';
import { DataSection } from '../components/data-section';
import { DocumentsSection } from '../components/documents-section';
import { NotificationsSection } from '../components/notifications-section';
import { ProfileSection } from '../components/profile-section';
import { RemindersSection } from '../components/reminders-section';

/** One section per concern: profile and units, reminders, appearance, notifications, documents, your data (export, import), API tokens, about. */
@Component({
  selector: 'mvp-settings-page',
  imports: [
    AboutSection,
    ApiTokensSection,
    AppearanceSection,
    CalendarFeedPanel,
    DataSection,
    DocumentsSection,
    NotificationsSection,
    ProfileSection,
    RemindersSection,
  ],
  template: `
    <div class="mvp-page settings">
      <header class="mvp-page-header">
        <h1>Settings</h1>
        <p>How MotoVaultPro looks and works for you.</p>
      </header>
      <div class="sections">
        <mvp-profile-section />
        <mvp-reminders-section />
        <mvp-appearance-section />
        <mvp-notifications-section>
          <mvp-calendar-feed-panel />
        </mvp-notifications-section>
        <mvp-documents-section />
        <mvp-data-section />
        <mvp-api-tokens-section />
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
