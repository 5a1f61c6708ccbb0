import { CreateCatalog1764100000000 } from './migrations/1764100000000-create-catalog';
import { CreateVinDecoder1764100100000 } from './migrations/1764100100000-create-vin-decoder';

/** Every migration of the platform, in timestamp order. Its tables live in the `vehicles` schema. */
export const platformMigrations = [CreateCatalog1764100000000, CreateVinDecoder1764100100000];
