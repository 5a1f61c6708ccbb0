/** The import-export capsule's public surface: only its module, which the app composes. Nothing depends on it. */
export { ImportExportModule } from './import-export.module';
