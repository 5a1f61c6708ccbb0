import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { dateFormat, numberFormat } from '../../../core/intl';
import { GradePrices } from '../data/station';
import { formatPrice, gradeLabel } from '../data/station-format';

/** Per grade bought at the station: the last price paid and when, the average, the lowest, how many fill-ups. */
@Component({
  selector: 'mvp-station-price-table',
  template: `
    <ul class="grades" aria-label="Prices paid per grade">
      @for (grade of shown(); track grade.key) {
        <li class="grade">
          <h3>{{ grade.name }}</h3>
          <dl>
            <div>
              <dt>Last paid</dt>
              <dd>{{ grade.last }}</dd>
              <dd class="when">{{ grade.lastAt }}</dd>
            </div>
            <div>
              <dt>Average</dt>
              <dd>{{ grade.average }}</dd>
            </div>
            <div>
              <dt>Lowest</dt>
              <dd>{{ grade.lowest }}</dd>
              <dd class="when">{{ grade.lowestAt }}</dd>
            </div>
            <div>
              <dt>Fill-ups</dt>
              <dd>{{ grade.fillUps }}</dd>
            </div>
          </dl>
        </li>
      }
    </ul>
  `,
  styles: `
    @use 'ui';

    .grades {
      @include ui.bare-list;
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 320px), 1fr));
      gap: 16px;
    }
    .grade {
      padding: 16px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: var(--mat-sys-corner-medium);
    }
    h3 {
      margin: 0 0 12px;
      font: var(--mat-sys-title-medium);
      color: var(--mat-sys-on-surface);
    }
    dl {
      display: grid;
      grid-template-columns: repeat(2, minmax(0, 1fr));
      gap: 12px 16px;
      margin: 0;
    }
    dt {
      font: var(--mat-sys-label-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      margin: 2px 0 0;
      font: var(--mat-sys-title-medium);
      color: var(--mat-sys-on-surface);
      font-variant-numeric: tabular-nums;
    }
    dd.when {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StationPriceTable {
  readonly grades = input.required<readonly GradePrices[]>();
  readonly locale = input<string>();
  readonly timeZone = input<string>();

  protected readonly shown = computed(() => {
    const locale = this.locale();
    const day = dateFormat(locale, { dateStyle: 'medium', timeZone: this.timeZone() });
    const count = numberFormat(locale, { maximumFractionDigits: 0 });
    return this.grades().map((grade) => {
      const price = (value: number) => formatPrice(value, grade.currency, grade.unit, locale);
      return {
        key: [grade.grade, grade.currency, grade.unit].join('|'),
        name: gradeLabel(grade.grade),
        last: price(grade.last.price),
        lastAt: day.format(new Date(grade.last.at)),
        average: price(grade.average),
        lowest: price(grade.lowest.price),
        lowestAt: day.format(new Date(grade.lowest.at)),
        fillUps: count.format(grade.fillUps),
      };
    });
  });
}
