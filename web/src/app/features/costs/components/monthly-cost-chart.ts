import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import {
  BarController,
  BarElement,
  CategoryScale,
  ChartConfiguration,
  ChartData,
  LinearScale,
  Tooltip,
} from 'chart.js';
import { BaseChartDirective, provideCharts } from 'ng2-charts';
import { ChartLegend, LegendEntry } from '../../../core/charts/chart-legend';
import { themedChartOptions } from '../../../core/charts/chart-options';
import { readChartPalette } from '../../../core/charts/chart-palette';
import { dateFormat, formatMoney } from '../../../core/intl';
import { ThemeService } from '../../../core/theme/theme.service';
import { ChartMonth } from '../data/cost-periods';

type BarOptions = ChartConfiguration<'bar', number[], string>['options'];

/**
 * A year's running costs as stacked bars, one per month: fuel below, service on top. Chart.js
 * through ng2-charts with only the pieces it draws; colours from the Material theme (as the fuel
 * charts), read again when the scheme changes.
 */
@Component({
  selector: 'mvp-monthly-cost-chart',
  imports: [BaseChartDirective, ChartLegend],
  providers: [provideCharts({ registerables: [BarController, BarElement, CategoryScale, LinearScale, Tooltip] })],
  template: `
    <div class="canvas-box">
      <canvas
        baseChart
        #costChart="base-chart"
        type="bar"
        role="img"
        [attr.aria-label]="description()"
        [data]="data()"
        [options]="options()"
        [legend]="false"
      ></canvas>
    </div>
    <mvp-chart-legend [entries]="legend()" [chart]="costChart" />
  `,
  styles: `
    .canvas-box {
      position: relative;
      height: 240px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MonthlyCostChart {
  private readonly document = inject(DOCUMENT);
  private readonly theme = inject(ThemeService);

  readonly months = input.required<ChartMonth[]>();
  readonly currency = input.required<string>();
  readonly locale = input<string>();

  private readonly palette = computed(() => {
    this.theme.scheme();
    return readChartPalette(this.document);
  });
  private readonly money = (value: number) => formatMoney(value, this.currency(), this.locale());
  private monthName(month: string, style: 'short' | 'long'): string {
    const [year, number] = month.split('-').map(Number);
    return dateFormat(this.locale(), { month: style, timeZone: 'UTC' }).format(new Date(Date.UTC(year, number - 1, 1)));
  }

  // The data carries no colours (they are in the options), so a theme switch repaints without redrawing the data.
  protected readonly data = computed<ChartData<'bar', number[], string>>(() => ({
    labels: this.months().map((month) => this.monthName(month.month, 'short')),
    datasets: [
      { label: 'Fuel', data: this.months().map((month) => month.fuel), maxBarThickness: 40 },
      { label: 'Service', data: this.months().map((month) => month.service), maxBarThickness: 40 },
    ],
  }));

  protected readonly options = computed<BarOptions>(() => {
    const palette = this.palette();
    const themed = themedChartOptions(palette, this.money, true);
    const colours = this.colours();
    return {
      ...themed,
      scales: { x: { ...themed.scales.x, stacked: true }, y: { ...themed.scales.y, stacked: true } },
      datasets: { bar: { borderRadius: 4 } },
      plugins: {
        ...themed.plugins,
        tooltip: {
          ...themed.plugins.tooltip,
          displayColors: true,
          callbacks: {
            label: (item) => `${item.dataset.label}: ${this.money(item.parsed.y ?? 0)}`,
          },
        },
      },
      // Colours by dataset index, so both themes and a switch between them need no new data.
      elements: {
        bar: {
          backgroundColor: (context) => colours[context.datasetIndex] ?? palette.primary,
          hoverBackgroundColor: (context) => colours[context.datasetIndex] ?? palette.primary,
        },
      },
    };
  });

  private readonly colours = computed(() => [this.palette().primary, this.palette().secondary]);

  protected readonly legend = computed<LegendEntry[]>(() =>
    this.data().datasets.map((dataset, index) => ({
      label: dataset.label ?? '',
      colour: this.colours()[index],
      shape: 'box',
    })),
  );

  protected readonly description = computed(() => {
    const spent = this.months().filter((month) => month.fuel > 0 || month.service > 0);
    const year = this.months()[0]?.month.slice(0, 4) ?? '';
    if (spent.length === 0) return `Running costs by month, ${year}: nothing spent`;
    return `Running costs by month, ${year}: ${spent
      .map(
        (month) =>
          `${this.monthName(month.month, 'long')}: fuel ${this.money(month.fuel)}, service ${this.money(month.service)}`,
      )
      .join('; ')}`;
  });
}
