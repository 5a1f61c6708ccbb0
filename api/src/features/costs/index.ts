/** The costs capsule's public surface: only its module, which the app composes. Nothing depends on it. */
export { CostsModule } from './costs.module';
