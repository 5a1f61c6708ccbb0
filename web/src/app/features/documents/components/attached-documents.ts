import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { CurrentUser } from '../../../core/auth/current-user';
import { allPages } from '../../../core/api/all-pages';
import { LoadProblem } from '../../../core/loading/load-problem';
import { LoadProgress } from '../../../core/loading/load-progress';
import { loader } from '../../../core/loading/loader';
import { todayIn } from '../../../core/calendar-day';
import { DocumentQuery } from '../data/document';
import { DocumentChanges } from '../data/document-changes';
import { DocumentDeletion } from '../data/document-deletion';
import { DocumentFiles } from '../data/document-files';
import { DocumentsApi } from '../data/documents-api';
import { DocumentList } from './document-list';

/**
 * The documents of one service record or fill-up (`query`), all of them, reloaded after uploads,
 * edits and deletions; `empty` is projected when there are none.
 */
@Component({
  selector: 'mvp-attached-documents',
  imports: [DocumentList, LoadProblem, LoadProgress],
  providers: [DocumentFiles],
  template: `
    <mvp-load-progress [active]="documents.loading()" label="Loading attachments" />
    @if (documents.problem()) {
      <mvp-load-problem [loader]="documents" />
    } @else if (documents.value(); as list) {
      @if (list.length) {
        @if (heading(); as heading) {
          <h4 class="heading">{{ heading }}</h4>
        }
        <mvp-document-list
          [documents]="list"
          label="Attachments"
          [today]="today()"
          [locale]="locale()"
          [editable]="editable()"
        />
      } @else {
        <ng-content select="[empty]" />
      }
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .heading {
      margin: 0;
      font: var(--mat-sys-title-small);
      color: var(--mat-sys-on-surface);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AttachedDocuments {
  private readonly api = inject(DocumentsApi);
  private readonly currentUser = inject(CurrentUser);
  private readonly changes = inject(DocumentChanges);
  private readonly deletion = inject(DocumentDeletion);

  readonly query = input.required<Omit<DocumentQuery, 'page' | 'pageSize'>>();
  readonly editable = input(true);
  /** A heading over the list, shown only when something is attached (a record's details). */
  readonly heading = input<string>();

  protected readonly locale = computed(() => this.currentUser.me()?.locale);
  protected readonly today = computed(() => todayIn(this.currentUser.me()?.timeZone));
  protected readonly documents = loader({
    params: () => ({ query: this.query(), changes: this.changes.count() + this.deletion.changes() }),
    request: ({ query }) => allPages((page, pageSize) => this.api.list({ ...query, page, pageSize })),
    failure: 'The attachments could not be loaded.',
  });

  constructor() {
    this.currentUser.ensureLoaded();
  }
}
