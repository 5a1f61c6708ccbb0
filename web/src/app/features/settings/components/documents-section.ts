import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatCard } from '@angular/material/card';
import { CurrentUser } from '../../../core/auth/current-user';
import { LoadProblem } from '../../../core/loading/load-problem';
import { LoadProgress } from '../../../core/loading/load-progress';
import { loader } from '../../../core/loading/loader';
import { DocumentsApi, StorageUsage } from '../../documents';

/** How much of the storage quota the user's documents take (`GET /api/documents/usage`). */
@Component({
  selector: 'mvp-documents-section',
  imports: [LoadProblem, LoadProgress, MatCard, StorageUsage],
  template: `
    <section aria-labelledby="documents-settings-heading">
      <mat-card appearance="outlined">
        <h2 id="documents-settings-heading">Documents</h2>
        <p class="section-intro">The room your insurance cards, registrations, receipts and photos take.</p>
        <mvp-load-progress [active]="usage.loading()" label="Loading your storage use" />
        @if (usage.problem()) {
          <mvp-load-problem [loader]="usage" />
        } @else if (usage.value(); as value) {
          <mvp-storage-usage [usage]="value" [locale]="locale()" />
        }
      </mat-card>
    </section>
  `,
  styleUrl: './settings-section.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DocumentsSection {
  private readonly api = inject(DocumentsApi);
  private readonly currentUser = inject(CurrentUser);

  protected readonly locale = computed(() => this.currentUser.me()?.locale);
  protected readonly usage = loader({
    request: () => this.api.usage(),
    failure: 'Your storage use could not be loaded.',
  });

  constructor() {
    this.currentUser.ensureLoaded();
  }
}
