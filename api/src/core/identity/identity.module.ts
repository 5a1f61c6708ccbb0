import { Module } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { WriteRateLimitGuard } from '../http/write-rate-limit.guard';
import { AuthGuard } from './auth/auth.guard';
import { JwtStrategy } from './auth/jwt.strategy';
import { ListeningUrl } from './auth/listening-url';
import { RouteScopingCheck } from './scoping/route-scoping.check';
import { issuerParts } from './issuer/issuer.module';
import { ApiTokenEntity } from './tokens/api-token.entity';
import { ApiTokensController } from './tokens/api-tokens.controller';
import { ApiTokensService } from './tokens/api-tokens.service';
import { MeController } from './users/me.controller';
import { UserEntity } from './users/user.entity';
import { UsersService } from './users/users.service';

/**
 * Who the caller is: users and preferences, the auth guard, user scoping and its startup route
 * check, personal API tokens, the embedded issuer.
 */
@Module({
  imports: [TypeOrmModule.forFeature([UserEntity, ApiTokenEntity]), DiscoveryModule, ...issuerParts.imports],
  controllers: [MeController, ApiTokensController, ...issuerParts.controllers],
  providers: [
    UsersService,
    ApiTokensService,
    ListeningUrl,
    JwtStrategy,
    // Global guards run in the order they are provided: the write limit needs the user the auth guard sets.
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_GUARD, useClass: WriteRateLimitGuard },
    RouteScopingCheck,
    ...issuerParts.providers,
  ],
  exports: [UsersService, ApiTokensService, ListeningUrl],
})
export class IdentityModule {}
