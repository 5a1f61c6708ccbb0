import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import {
  BarController,
  BarElement,
  CategoryScale,
  ChartConfiguration,
  ChartData,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  Tooltip,
} from 'chart.js';
import { BaseChartDirective, provideCharts } from 'ng2-charts';
import { ThemeService } from '../../../core/theme/theme.service';
import { FuelStats } from '../data/fuel-log';
import { economyUnitLabels, formatCurrency, formatMonth, formatNumber, quantityUnitLabels } from '../data/fuel-format';
import { themedChartOptions } from '../../../core/charts/chart-options';
import { readChartPalette } from '../../../core/charts/chart-palette';

type LineOptions = ChartConfiguration<'line', (number | null)[], string>['options'];
type BarOptions = ChartConfiguration<'bar', number[], string>['options'];

/**
 * A vehicle's fuel over time, from its statistics: economy, spending and the price paid per unit,
 * each by month (one point a month however many fill-ups, so a long history stays light). Chart.js through ng2-charts, with only the pieces these
 * three charts draw; colours come from the Material theme and follow light and dark.
 */
@Component({
  selector: 'mvp-fuel-charts',
  imports: [BaseChartDirective],
  providers: [
    provideCharts({
      registerables: [
        BarController,
        BarElement,
        CategoryScale,
        LineController,
        LineElement,
        LinearScale,
        PointElement,
        Tooltip,
      ],
    }),
  ],
  template: `
    <div class="charts">
      <figure class="chart">
        <figcaption>
          <span class="title">Economy</span>
          <span class="unit">{{ economyUnit() }} by month</span>
        </figcaption>
        @if (hasEconomy()) {
          <div class="canvas-box">
            <canvas
              baseChart
              type="line"
              role="img"
              [attr.aria-label]="economyDescription()"
              [data]="economyData()"
              [options]="economyOptions()"
              [legend]="false"
            ></canvas>
          </div>
        } @else {
          <p class="empty">Economy shows once a full fill follows another.</p>
        }
      </figure>
      <figure class="chart">
        <figcaption>
          <span class="title">Spending</span>
          <span class="unit">{{ stats().currency }} by month</span>
        </figcaption>
        <div class="canvas-box">
          <canvas
            baseChart
            type="bar"
            role="img"
            [attr.aria-label]="spendDescription()"
            [data]="spendData()"
            [options]="spendOptions()"
            [legend]="false"
          ></canvas>
        </div>
      </figure>
      <figure class="chart">
        <figcaption>
          <span class="title">Price</span>
          <span class="unit">per {{ fuelUnit() }} by month</span>
        </figcaption>
        <div class="canvas-box">
          <canvas
            baseChart
            type="line"
            role="img"
            [attr.aria-label]="priceDescription()"
            [data]="priceData()"
            [options]="priceOptions()"
            [legend]="false"
          ></canvas>
        </div>
      </figure>
    </div>
  `,
  styles: `
    .charts {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 280px), 1fr));
      gap: 16px;
    }
    .chart {
      display: flex;
      flex-direction: column;
      gap: 8px;
      min-width: 0;
      margin: 0;
      padding: 16px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: var(--mat-sys-corner-medium);
      background: var(--mat-sys-surface);
    }
    figcaption {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 4px 8px;
    }
    .title {
      font: var(--mat-sys-title-medium);
      letter-spacing: var(--mat-sys-title-medium-tracking);
      color: var(--mat-sys-on-surface);
    }
    .unit {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .canvas-box {
      position: relative;
      height: 200px;
    }
    .empty {
      display: flex;
      flex: 1;
      align-items: center;
      justify-content: center;
      min-height: 200px;
      margin: 0;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
      text-align: center;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FuelCharts {
  private readonly document = inject(DOCUMENT);
  private readonly theme = inject(ThemeService);

  readonly stats = input.required<FuelStats>();
  readonly locale = input<string>();

  /** Read again whenever the scheme changes (the theme's effect has set it on <html> by then). */
  private readonly palette = computed(() => {
    this.theme.scheme();
    return readChartPalette(this.document);
  });

  protected readonly economyUnit = computed(() => {
    const unit = this.stats().months.find((month) => month.economy)?.economy?.unit;
    return unit ? economyUnitLabels[unit] : '';
  });
  protected readonly fuelUnit = computed(() => quantityUnitLabels[this.stats().fuelUnit]);
  protected readonly hasEconomy = computed(() => this.stats().months.some((month) => month.economy));
  private readonly monthLabels = computed(() =>
    this.stats().months.map((month) => formatMonth(month.month, this.locale())),
  );

  // The data carries no colours (they are in the options), so a theme switch repaints without redrawing the data.
  protected readonly economyData = computed<ChartData<'line', (number | null)[], string>>(() => ({
    labels: this.monthLabels(),
    datasets: [
      {
        label: `Economy (${this.economyUnit()})`,
        data: this.stats().months.map((month) => month.economy?.value ?? null),
        spanGaps: true,
      },
    ],
  }));
  protected readonly economyOptions = computed<LineOptions>(() => {
    const palette = this.palette();
    const format = (value: number) => `${formatNumber(value, this.locale(), 1, 1)} ${this.economyUnit()}`;
    return { ...themedChartOptions(palette, format, false), elements: lineElements(palette.primary) };
  });
  protected readonly economyDescription = computed(() =>
    describe(
      'Economy by month',
      this.stats()
        .months.filter((month) => month.economy)
        .map(
          (month) =>
            `${formatMonth(month.month, this.locale(), 'long')}: ${formatNumber(month.economy!.value, this.locale(), 1, 1)} ${this.economyUnit()}`,
        ),
    ),
  );

  protected readonly spendData = computed<ChartData<'bar', number[], string>>(() => ({
    labels: this.monthLabels(),
    datasets: [{ label: 'Spending', data: this.stats().months.map((month) => month.cost), maxBarThickness: 48 }],
  }));
  private readonly money = (value: number) => formatCurrency(value, this.stats().currency, this.locale());
  protected readonly spendOptions = computed<BarOptions>(() => {
    const palette = this.palette();
    return {
      ...themedChartOptions(palette, this.money, true),
      elements: { bar: { backgroundColor: palette.primary, hoverBackgroundColor: palette.primary, borderRadius: 6 } },
    };
  });
  protected readonly spendDescription = computed(() =>
    describe(
      'Spending by month',
      this.stats().months.map(
        (month) => `${formatMonth(month.month, this.locale(), 'long')}: ${this.money(month.cost)}`,
      ),
    ),
  );

  protected readonly priceData = computed<ChartData<'line', (number | null)[], string>>(() => ({
    labels: this.monthLabels(),
    datasets: [{ label: 'Price', data: this.stats().months.map((month) => month.pricePerUnit), spanGaps: true }],
  }));
  private readonly unitPrice = (value: number) =>
    `${formatCurrency(value, this.stats().currency, this.locale(), 3)}/${this.fuelUnit()}`;
  protected readonly priceOptions = computed<LineOptions>(() => {
    const palette = this.palette();
    return { ...themedChartOptions(palette, this.unitPrice, false), elements: lineElements(palette.secondary) };
  });
  protected readonly priceDescription = computed(() => {
    const values = this.stats().months.flatMap((month) => (month.pricePerUnit === null ? [] : [month.pricePerUnit]));
    if (!values.length) return 'Price per unit: no fill-ups';
    const months = values.length === 1 ? '1 month' : `${values.length} months`;
    return `Price per ${this.fuelUnit()} by month over ${months}, from ${this.unitPrice(Math.min(...values))} to ${this.unitPrice(Math.max(...values))}`;
  });
}

function lineElements(color: string) {
  return {
    line: {
      borderColor: color,
      backgroundColor: color,
      borderWidth: 2,
      // Smooth, without overshooting: equal prices in a row stay a flat line.
      cubicInterpolationMode: 'monotone' as const,
    },
    point: { backgroundColor: color, borderColor: color, radius: 4, hoverRadius: 6 },
  };
}

/** A chart's words for a screen reader: the title and each value. */
function describe(title: string, values: string[]): string {
  return values.length ? `${title}: ${values.join('; ')}` : `${title}: nothing yet`;
}
