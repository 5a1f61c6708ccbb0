import { CreateOidcPayloads1764000200000 } from '../identity/issuer/migrations/1764000200000-create-oidc-payloads';
import { CreateApiTokens1764000300000 } from '../identity/tokens/migrations/1764000300000-create-api-tokens';
import { AddDueSoonPreferences1764000400000 } from '../identity/users/migrations/1764000400000-add-due-soon-preferences';
import { CreateUsers1764000100000 } from '../identity/users/migrations/1764000100000-create-users';
import { CreateDataVersions1765200000000 } from './data-versions/migrations/1765200000000-create-data-versions';
import { CreateSchemas1764000000000 } from './migrations/1764000000000-create-schemas';

/** Core's migrations (schemas, identity), in timestamp order. The capsules' are added where the app is composed. */
export const coreMigrations = [
  CreateSchemas1764000000000,
  CreateUsers1764000100000,
  CreateOidcPayloads1764000200000,
  CreateApiTokens1764000300000,
  AddDueSoonPreferences1764000400000,
  CreateDataVersions1765200000000,
];
