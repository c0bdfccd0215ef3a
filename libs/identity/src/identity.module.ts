import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessCache } from './access/access-cache';
import { AccessService } from './access/access.service';
import { AuthController } from './auth/auth.controller';
import { AuthService } from './auth/auth.service';
import { OrganiserBootstrap } from './auth/organiser-bootstrap';
import { PasswordHasher } from './auth/password-hasher';
import { TokenService } from './auth/token.service';
import { AccountDataService } from './users/account-data.service';
import { MeController } from './users/me.controller';
import { UserDirectory } from './users/user-directory';
import { UsersController } from './users/users.controller';
import { UserEntity } from './users/user.entity';
import { UsersService } from './users/users.service';

/** Accounts, sign-in, tokens and the access rules every route is checked against. */
@Module({
  imports: [TypeOrmModule.forFeature([UserEntity])],
  controllers: [AuthController, MeController, UsersController],
  providers: [AccessCache, AccountDataService, AuthService, UsersService, UserDirectory, PasswordHasher, TokenService, AccessService, OrganiserBootstrap],
  exports: [AuthService, UsersService, PasswordHasher, TokenService, AccessService, TypeOrmModule],
})
export class IdentityModule {}
