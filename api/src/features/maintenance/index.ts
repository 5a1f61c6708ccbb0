/** The maintenance capsule's public surface: only its module, which the app composes. */
export { MaintenanceModule } from './maintenance.module';
