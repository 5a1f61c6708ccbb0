/**
 * The import-export feature's public surface for other web features: the export download and the
 * bytes it has received (Settings' "Your data" section). The wizard is its own route (`/import`,
 * `import-export.routes.ts`), which app.routes.ts loads lazily.
 */
export { ExportDownload } from './data/export-download';
