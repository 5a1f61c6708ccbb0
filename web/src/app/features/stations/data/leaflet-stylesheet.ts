/** Where the build puts Leaflet's stylesheet (angular.json: its own bundle, not injected). */
const stylesheetHref = 'leaflet.css';

let loaded: Promise<void> | undefined;

/**
 * Adds Leaflet's stylesheet to the page once, the first time a map is drawn, so it weighs on
 * the stations pages only; resolves once it applies (or failed: the map then draws unstyled).
 */
export function leafletStylesheet(document: Document): Promise<void> {
  loaded ??= new Promise<void>((resolve) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = stylesheetHref;
    link.addEventListener('load', () => resolve());
    link.addEventListener('error', () => resolve());
    document.head.appendChild(link);
  });
  return loaded;
}
