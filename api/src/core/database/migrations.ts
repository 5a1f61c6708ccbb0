import { CreateOidcPayloads1764000200000 } from '../identity/issuer/migrations/1764000200000-create-oidc-payloads';
import { CreateApiTokens1764000300000 } from '../identity/tokens/migrations/1764000300000-create-api-tokens';
import { CreateUsers1764000100000 } from '../identity/users/migrations/1764000100000-create-users';
import { CreateSchemas1764000000000 } from './migrations/1764000000000-create-schemas';
import { CreateFuelLogs1764300000000 } from '../../features/fuel-logs/migrations/1764300000000-create-fuel-logs';
import { CreateVehicles1764200000000 } from '../../features/vehicles/migrations/1764200000000-create-vehicles';

/** Every migration of the API, core first, then each capsule's, in timestamp order. */
export const apiMigrations = [
  CreateSchemas1764000000000,
  CreateUsers1764000100000,
  CreateOidcPayloads1764000200000,
  CreateApiTokens1764000300000,
  CreateVehicles1764200000000,
  CreateFuelLogs1764300000000,
];
