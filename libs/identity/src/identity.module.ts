import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SignedInLanguage } from '@roundtable/core';
import { SignedInLanguageOfToken } from './access/signed-in-language-of-token';
import { AccessCache } from './access/access-cache';
import { AccessService } from './access/access.service';
import { AuthController } from './auth/auth.controller';
import { AuthService } from './auth/auth.service';
import { OrganiserBootstrap } from './auth/organiser-bootstrap';
import { PasswordHasher } from './auth/password-hasher';
import { TokenService } from './auth/token.service';
import { AccountErasure } from './users/account-erasure';
import { UsersRepository } from './users/users.repository';
import { AccountDataService } from './users/account-data.service';
import { MeController } from './users/me.controller';
import { UserDirectory } from './users/user-directory';
import { UsersController } from './users/users.controller';
import { UserEntity } from './users/user.entity';
import { UsersService } from './users/users.service';
import { PasswordsService } from './auth/passwords.service';
import { AccountEmails } from './emails/account-emails';
import { EmailVerification } from './emails/email-verification';
import { MeSecurityController } from './security/me-security.controller';
import { SecurityLog } from './security/security-log';
import { RefreshCookie } from './sessions/refresh-cookie';
import { SessionsService } from './sessions/sessions.service';
import { TwoFactorService } from './two-factor/two-factor.service';

/** Accounts, sign-in, tokens and the access rules every route is checked against. */
@Module({
  imports: [TypeOrmModule.forFeature([UserEntity])],
  controllers: [AuthController, MeController, MeSecurityController, UsersController],
  providers: [
    AccessCache,
    AccountDataService,
    AccountErasure,
    AuthService,
    UsersService,
    UsersRepository,
    UserDirectory,
    PasswordHasher,
    TokenService,
    AccessService,
    { provide: SignedInLanguage, useClass: SignedInLanguageOfToken },
    OrganiserBootstrap,
    SessionsService,
    RefreshCookie,
    PasswordsService,
    AccountEmails,
    EmailVerification,
    SecurityLog,
    TwoFactorService,
  ],
  exports: [
    AccountErasure,
    AuthService,
    UsersService,
    UsersRepository,
    PasswordHasher,
    TokenService,
    AccessService,
    SignedInLanguage,
    SessionsService,
    TypeOrmModule,
  ],
})
export class IdentityModule {}
