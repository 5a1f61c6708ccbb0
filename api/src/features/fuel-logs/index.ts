/** The fuel-logs capsule's public surface: only its module, which the app composes. */
export { FuelLogsModule } from './fuel-logs.module';
