import { ThrottlerModule } from '@nestjs/throttler';
import { API_CONFIG, ApiConfig } from '../../config/api.config';
import { API_RUNTIME, ApiRuntime } from '../../runtime';
import { AuthConfigController } from '../web-config/auth-config.controller';
import { InteractionController, signInThrottle, signUpThrottle } from './interaction.controller';
import { InteractionService } from './interaction.service';
import { IssuerService } from './issuer.service';
import { clientAddressFor } from './client-address';
import { RedisThrottlerStorage } from '../../http/redis-throttler-storage';

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
        // With Redis, every replica counts into the same budget; without, this process counts alone.
        storage: runtime.cache.sharedRedis
          ? new RedisThrottlerStorage(runtime.cache.sharedRedis, config.CACHE_NAMESPACE)
          : undefined,
        getTracker: clientAddressFor(config.PUBLIC_URL.startsWith('https:')),
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
