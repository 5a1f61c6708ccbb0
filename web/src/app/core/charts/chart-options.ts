import type { ChartPalette } from './chart-palette';

/** Axes, grid and tooltip in the theme's colours; values on the y axis and in tooltips through `format`. */
export function themedChartOptions(palette: ChartPalette, format: (value: number) => string, fromZero: boolean) {
  const font = { family: palette.fontFamily, size: 12 };
  const reducedMotion = globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: reducedMotion ? (false as const) : { duration: 400 },
    interaction: { mode: 'index' as const, intersect: false },
    scales: {
      x: {
        // Points sit in the middle of their month or day, as bars do: a lone one is not pinned to the edge.
        offset: true,
        grid: { display: false },
        border: { color: palette.outlineVariant },
        ticks: { color: palette.onSurfaceVariant, font, maxRotation: 0, autoSkipPadding: 16 },
      },
      y: {
        beginAtZero: fromZero,
        grace: '10%',
        grid: { color: palette.outlineVariant },
        border: { display: false },
        ticks: {
          color: palette.onSurfaceVariant,
          font,
          maxTicksLimit: 5,
          callback: (value: number | string) => format(Number(value)),
        },
      },
    },
    plugins: {
      legend: { display: false },
      tooltip: {
        backgroundColor: palette.inverseSurface,
        titleColor: palette.inverseOnSurface,
        bodyColor: palette.inverseOnSurface,
        titleFont: { ...font, weight: 500 },
        bodyFont: font,
        displayColors: false,
        cornerRadius: 4,
        padding: 8,
        callbacks: { label: (item: { parsed: { y: number | null } }) => format(item.parsed.y ?? 0) },
      },
    },
  };
}
