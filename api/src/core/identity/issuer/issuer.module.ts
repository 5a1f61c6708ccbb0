import { ThrottlerModule } from '@nestjs/throttler';
import { API_CONFIG, ApiConfig } from '../../config/api.config';
import { API_RUNTIME, ApiRuntime } from '../../runtime';
import { AuthConfigController } from '../web-config/auth-config.controller';
import { InteractionController, signInThrottle, signUpThrottle } from './interaction.controller';
import { InteractionService } from './interaction.service';
import { IssuerService } from './issuer.service';
import { rateLimitedAddressFor, rateLimitStorageFor } from '../../http/rate-limit-storage';

const minute = 60_000;

/**
 * The embedded OpenID Provider at /auth, its sign-in pages and the web app's sign-in settings,
 * wired into IdentityModule (they need its UsersService; a module of their own would import it
 * back). The provider itself stays idle when Auth0 or another issuer is configured.
 */
export const issuerParts = {
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [API_CONFIG, API_RUNTIME],
      useFactory: (config: ApiConfig, runtime: ApiRuntime) => ({
        storage: rateLimitStorageFor(config, runtime),
        getTracker: rateLimitedAddressFor(config),
        throttlers: [
          { name: signInThrottle, ttl: minute, limit: config.AUTH_SIGN_IN_LIMIT_PER_MINUTE },
          { name: signUpThrottle, ttl: minute, limit: config.AUTH_SIGN_UP_LIMIT_PER_MINUTE },
        ],
      }),
    }),
  ],
  controllers: [InteractionController, AuthConfigController],
  providers: [IssuerService, InteractionService],
};
