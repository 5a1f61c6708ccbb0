/** The import-export capsule's public surface: its module, which the app composes. */
export { ImportExportModule } from './import-export.module';
