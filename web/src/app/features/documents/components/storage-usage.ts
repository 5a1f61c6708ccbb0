import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatProgressBar } from '@angular/material/progress-bar';
import { DocumentUsage } from '../data/document';
import { formatBytes } from '../data/document-format';
import { acceptedInWords } from '../data/upload-checks';

let usageCount = 0;

/** How much of the quota the user's documents take, as a bar and words, and what one upload may bring. */
@Component({
  selector: 'mvp-storage-usage',
  imports: [MatProgressBar],
  template: `
    <p class="used" [id]="id">{{ usedText() }}</p>
    <mat-progress-bar
      mode="determinate"
      [value]="percent()"
      [class.full]="percent() >= 90"
      [attr.aria-labelledby]="id"
    />
    @if (showLimits()) {
      <p class="limits">Files up to {{ maxFile() }}: {{ accepted }}.</p>
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 6px;
    }
    p {
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .used {
      font: var(--mat-sys-body-medium);
    }
    mat-progress-bar {
      border-radius: var(--mat-sys-corner-full);
    }
    .full {
      --mat-progress-bar-active-indicator-color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StorageUsage {
  readonly usage = input.required<DocumentUsage>();
  readonly locale = input<string>();
  /** Also says the size cap and the accepted types (under a drop zone). */
  readonly showLimits = input(true);
  /** The words' element id, which names the bar. */
  protected readonly id = `storage-usage-${++usageCount}`;

  protected readonly accepted = acceptedInWords;
  protected readonly percent = computed(() => {
    const { usedBytes, quotaBytes } = this.usage();
    return quotaBytes > 0 ? Math.min(100, (100 * usedBytes) / quotaBytes) : 100;
  });
  protected readonly usedText = computed(() => {
    const { usedBytes, quotaBytes } = this.usage();
    return `${formatBytes(usedBytes, this.locale())} of ${formatBytes(quotaBytes, this.locale())} used`;
  });
  protected readonly maxFile = computed(() => formatBytes(this.usage().maxFileBytes, this.locale()));
}
