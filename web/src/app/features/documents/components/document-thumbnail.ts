import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatIcon } from '@angular/material/icon';
import { catchError, of, switchMap } from 'rxjs';
import { StoredDocument } from '../data/document';
import { DocumentFiles } from '../data/document-files';
import { mediaIcon } from '../data/document-format';

/**
 * A document's small picture: its thumbnail for an image (fetched with the token, shown through an
 * object URL), else an icon for its media type; the icon too while the thumbnail loads or if it fails.
 */
@Component({
  selector: 'mvp-document-thumbnail',
  imports: [MatIcon],
  template: `
    @if (url(); as url) {
      <img [src]="url" alt="" />
    } @else {
      <mat-icon aria-hidden="true">{{ icon() }}</mat-icon>
    }
  `,
  host: { '[class.has-image]': '!!url()' },
  styles: `
    @use 'ui';

    :host {
      @include ui.icon-badge(56px, medium, surface-container-high, on-surface-variant);
      overflow: hidden;
    }
    img {
      width: 100%;
      height: 100%;
      object-fit: cover;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DocumentThumbnail {
  private readonly files = inject(DocumentFiles);

  readonly document = input.required<StoredDocument>();

  protected readonly icon = computed(() => mediaIcon(this.document().mediaType));
  protected readonly url = toSignal(
    toObservable(this.document).pipe(
      switchMap((document) =>
        document.hasThumbnail ? this.files.thumbnailUrl(document).pipe(catchError(() => of(undefined))) : of(undefined),
      ),
    ),
  );
}
