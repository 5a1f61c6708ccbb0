import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import {
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
import { ChartLegend, LegendEntry } from '../../../core/charts/chart-legend';
import { themedChartOptions } from '../../../core/charts/chart-options';
import { readChartPalette } from '../../../core/charts/chart-palette';
import { dateFormat } from '../../../core/intl';
import { ThemeService } from '../../../core/theme/theme.service';
import { priceChartOf } from '../data/price-history';
import { StationPrices } from '../data/station';
import { formatPrice } from '../data/station-format';

type LineOptions = ChartConfiguration<'line', (number | null)[], string>['options'];

/**
 * What the user paid at the station over time: a line per grade (Chart.js through ng2-charts), in
 * the theme's colours, with a legend when there is more than one.
 */
@Component({
  selector: 'mvp-station-price-chart',
  imports: [BaseChartDirective, ChartLegend],
  providers: [
    provideCharts({ registerables: [CategoryScale, LineController, LineElement, LinearScale, PointElement, Tooltip] }),
  ],
  template: `
    <figure>
      <figcaption>Price paid at each fill-up</figcaption>
      <div class="canvas-box">
        <canvas
          baseChart
          #priceChart="base-chart"
          type="line"
          role="img"
          [attr.aria-label]="description()"
          [data]="data()"
          [options]="options()"
          [legend]="false"
        ></canvas>
      </div>
      @if (legend().length > 1) {
        <mvp-chart-legend [entries]="legend()" [chart]="priceChart" />
      }
    </figure>
  `,
  styles: `
    figure {
      margin: 0;
      padding: 16px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: var(--mat-sys-corner-medium);
    }
    figcaption {
      margin-bottom: 8px;
      font: var(--mat-sys-title-medium);
      color: var(--mat-sys-on-surface);
    }
    .canvas-box {
      position: relative;
      height: 240px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StationPriceChart {
  private readonly document = inject(DOCUMENT);
  private readonly theme = inject(ThemeService);

  readonly history = input.required<StationPrices['history']>();
  readonly locale = input<string>();
  readonly timeZone = input<string>();

  private readonly palette = computed(() => {
    this.theme.scheme();
    return readChartPalette(this.document);
  });
  private readonly chart = computed(() => priceChartOf(this.history()));

  protected readonly data = computed<ChartData<'line', (number | null)[], string>>(() => {
    const day = dateFormat(this.locale(), { month: 'short', day: 'numeric', timeZone: this.timeZone() });
    const { times, series } = this.chart();
    const colours = this.lineColours();
    return {
      labels: times.map((time) => day.format(new Date(time))),
      datasets: series.map((line, index) => ({
        label: line.label,
        data: line.prices,
        spanGaps: true,
        borderColor: colours[index % colours.length],
        backgroundColor: colours[index % colours.length],
        pointBackgroundColor: colours[index % colours.length],
      })),
    };
  });

  protected readonly options = computed<LineOptions>(() => {
    const palette = this.palette();
    const { series } = this.chart();
    const first = series[0];
    const format = (value: number) =>
      first ? formatPrice(value, first.currency, first.unit, this.locale()) : `${value}`;
    const themed = themedChartOptions(palette, format, false);
    return {
      ...themed,
      plugins: {
        ...themed.plugins,
        tooltip: {
          ...themed.plugins.tooltip,
          displayColors: series.length > 1,
          callbacks: {
            label: (item) => {
              const line = series[item.datasetIndex];
              const price = line ? formatPrice(item.parsed.y ?? 0, line.currency, line.unit, this.locale()) : '';
              return series.length > 1 ? `${line?.label}: ${price}` : price;
            },
          },
        },
      },
      elements: {
        line: { borderWidth: 2, cubicInterpolationMode: 'monotone' },
        point: { radius: 4, hoverRadius: 6 },
      },
    };
  });

  protected readonly legend = computed<LegendEntry[]>(() => {
    const colours = this.lineColours();
    return this.data().datasets.map((dataset, index) => ({
      label: dataset.label ?? '',
      colour: colours[index % colours.length],
      shape: 'line',
    }));
  });

  protected readonly description = computed(() => {
    const { times, series } = this.chart();
    const summaries = series.map((line) => {
      const prices = line.prices.filter((price): price is number => price !== null);
      const money = (value: number) => formatPrice(value, line.currency, line.unit, this.locale());
      return `${line.label}: ${prices.length} fill-ups, from ${money(Math.min(...prices))} to ${money(Math.max(...prices))}`;
    });
    return `Price paid at ${times.length} fill-ups. ${summaries.join('; ')}`;
  });

  private lineColours(): string[] {
    const palette = this.palette();
    return [palette.primary, palette.secondary, palette.onSurfaceVariant, palette.onSurface];
  }
}
