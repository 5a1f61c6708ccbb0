/**
 * The Material theme's colours for Chart.js, which draws on a canvas and cannot use CSS variables.
 * The tokens are `light-dark()` pairs, so they are read resolved, from a probe element's computed
 * colour, each time the scheme changes.
 */
export interface ChartPalette {
  primary: string;
  secondary: string;
  onSurface: string;
  onSurfaceVariant: string;
  outlineVariant: string;
  surface: string;
  inverseSurface: string;
  inverseOnSurface: string;
  fontFamily: string;
}

export function readChartPalette(document: Document): ChartPalette {
  const probe = document.createElement('span');
  probe.setAttribute('aria-hidden', 'true');
  probe.style.cssText = 'position:absolute;visibility:hidden;pointer-events:none';
  document.body.appendChild(probe);
  try {
    const style = getComputedStyle(probe);
    const color = (token: string) => {
      probe.style.color = `var(${token})`;
      return style.color;
    };
    return {
      primary: color('--mat-sys-primary'),
      secondary: color('--mat-sys-secondary'),
      onSurface: color('--mat-sys-on-surface'),
      onSurfaceVariant: color('--mat-sys-on-surface-variant'),
      outlineVariant: color('--mat-sys-outline-variant'),
      surface: color('--mat-sys-surface'),
      inverseSurface: color('--mat-sys-inverse-surface'),
      inverseOnSurface: color('--mat-sys-inverse-on-surface'),
      fontFamily: getComputedStyle(document.body).fontFamily || 'Roboto, sans-serif',
    };
  } finally {
    probe.remove();
  }
}
