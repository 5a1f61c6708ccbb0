import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MeController } from './users/me.controller';
import { UserEntity } from './users/user.entity';
import { UsersService } from './users/users.service';

/** Who the caller is: users and preferences, the auth guard, personal API tokens, the embedded issuer. */
@Module({
  imports: [TypeOrmModule.forFeature([UserEntity])],
  controllers: [MeController],
  providers: [UsersService],
  exports: [UsersService],
})
export class IdentityModule {}
