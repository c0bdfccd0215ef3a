import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { QueryFailedError, Repository } from 'typeorm';
import { AppConfig, DomainError, fill, RedisConnections } from '@roundtable/core';
import { AccessCache } from '../access/access-cache';
import { AccountEmails } from '../emails/account-emails';
import { SecurityLog } from '../security/security-log';
import { ClientInfo } from '../sessions/client-info';
import { IssuedSession, SessionsService } from '../sessions/sessions.service';
import { TwoFactorService } from '../two-factor/two-factor.service';
import { normaliseEmail } from '../users/users.service';
import { UserDto } from '../users/user.dto';
import { UserEntity } from '../users/user.entity';
import { AuthResponseDto } from './login.dto';
import { PasswordHasher } from './password-hasher';
import { RegisterDto } from './register.dto';
import { IDENTITY_MESSAGES as M } from '../identity-messages';

/** A sign-in or sign-up: the API's answer, and the session whose refresh token goes to the cookie. */
export interface SignedIn extends AuthResponseDto {
  session: IssuedSession;
}

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);
  /** Failed logins per account and per address, shared by every api process through Redis. */
  private readonly failuresByEmail: RateLimiterRedis;
  private readonly failuresByIp: RateLimiterRedis;
  /** Accounts created per client address per hour, so no one script can mint thousands. */
  private readonly registrations: RateLimiterRedis;

  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionsService,
    private readonly access: AccessCache,
    private readonly twoFactor: TwoFactorService,
    private readonly emails: AccountEmails,
    private readonly log: SecurityLog,
    private readonly config: AppConfig,
    redis: RedisConnections,
  ) {
    const common = { storeClient: redis.client, duration: 60, keyPrefix: redis.key('login-fail') };
    this.failuresByEmail = new RateLimiterRedis({ ...common, points: config.LOGIN_ATTEMPTS_PER_MINUTE });
    this.failuresByIp = new RateLimiterRedis({
      ...common,
      keyPrefix: redis.key('login-fail-ip'),
      points: config.LOGIN_ATTEMPTS_PER_MINUTE * 5,
    });
    this.registrations = new RateLimiterRedis({
      storeClient: redis.client,
      keyPrefix: redis.key('register-ip'),
      points: config.REGISTRATIONS_PER_HOUR,
      duration: 3600,
    });
  }

  /**
   * `client` is who signs up over HTTP (rate limited by address; with EMAIL_VERIFICATION
   * the address gets a confirmation link); internal callers (demo seeding) pass none, and
   * their accounts count as verified.
   */
  async register(input: RegisterDto, client?: ClientInfo): Promise<SignedIn> {
    const ip = client?.ip ?? undefined;
    if (client)
      await this.registrations.consume(ip ?? '-').catch((res) => {
        if (res instanceof RateLimiterRes) {
          throw DomainError.tooMany(M.tooManyAccounts, res.msBeforeNext / 1000);
        }
        throw DomainError.unavailable(M.registrationUnavailable);
      });
    const user = this.users.create({
      email: normaliseEmail(input.email),
      passwordHash: await this.hasher.hash(input.password),
      displayName: input.displayName,
      organisation: input.organisation ?? null,
      constituency: input.constituency,
      country: input.country ?? null,
      preferredLanguage: input.preferredLanguage,
      emailVerifiedAt: client && this.config.verifiesEmail ? null : new Date(),
    });
    try {
      await this.users.insert(user);
    } catch (err) {
      if (err instanceof QueryFailedError && (err.driverError as { code?: string }).code === '23505') {
        throw DomainError.conflict(M.emailTaken, 'email_taken');
      }
      throw err;
    }
    const saved = await this.users.findOneByOrFail({ id: user.id });
    if (!saved.emailVerifiedAt) await this.emails.toUser('verify', saved.id);
    const session = await this.sessions.open(saved.id, client ?? { device: 'roundtable', ip: null });
    return { user: UserDto.from(saved), accessToken: session.accessToken, session };
  }

  /**
   * Signs in with email and password, and with two-factor sign-in on, a current code (or
   * a recovery code): without one the answer is 401 `two_factor_required`, so the client
   * asks for it and sends the three together. Each sign-in opens a session (a device);
   * one from a device the account never used is logged and emailed.
   */
  async login(email: string, password: string, client: ClientInfo, code?: string): Promise<SignedIn> {
    const ip = client.ip ?? '-';
    const emailKey = normaliseEmail(email);
    await this.refuseWhenBlocked(emailKey, ip);
    const user = await this.users.findOneBy({ email: emailKey });
    const ok = await this.hasher.verify(user?.passwordHash ?? null, password);
    if (!user || !ok) {
      await this.recordFailure(emailKey, ip);
      throw new DomainError(HttpStatus.UNAUTHORIZED, 'invalid_credentials', M.invalidLogin);
    }
    if (user.totpEnabledAt && user.totpSecret) {
      if (!code) throw new DomainError(HttpStatus.UNAUTHORIZED, 'two_factor_required', M.codeRequired);
      if (!(await this.twoFactor.verifySignIn(user.id, user.totpSecret, code, client))) {
        await this.recordFailure(emailKey, ip);
        await this.log.record(user.id, 'sign_in_failed_code', client);
        throw new DomainError(HttpStatus.UNAUTHORIZED, 'invalid_code', M.signInCodeWrong);
      }
    }
    await this.failuresByEmail.delete(emailKey).catch(() => undefined);
    const session = await this.sessions.open(user.id, client);
    await this.log.record(user.id, 'sign_in', client);
    if (session.newDevice) {
      await this.log.record(user.id, 'new_device', client);
      await this.emails.toUser('new_device', user.id, {
        device: client.device,
        at: new Date().toISOString().slice(0, 16).replace('T', ' '),
      });
    }
    return { user: UserDto.from(user), accessToken: session.accessToken, session };
  }

  async profile(userId: string): Promise<UserDto> {
    const user = await this.users.findOneBy({ id: userId });
    if (!user) throw new DomainError(HttpStatus.UNAUTHORIZED, 'session_ended', M.sessionEnded);
    return UserDto.from(user);
  }

  /** Creates or promotes the organiser account named in configuration or on the command line. */
  async ensureOrganiser(email: string, password: string, displayName = 'Organiser'): Promise<UserEntity> {
    const existing = await this.users.findOneBy({ email: normaliseEmail(email) });
    if (existing) {
      if (!existing.isOrganiser || !(await this.hasher.verify(existing.passwordHash, password))) {
        existing.isOrganiser = true;
        existing.passwordHash = await this.hasher.hash(password);
        await this.users.save(existing);
        await this.access.changed(existing.id);
      }
      return existing;
    }
    const user = this.users.create({
      email: normaliseEmail(email),
      passwordHash: await this.hasher.hash(password),
      displayName,
      constituency: 'other',
      preferredLanguage: 'en',
      isOrganiser: true,
      emailVerifiedAt: new Date(),
    });
    await this.users.save(user);
    this.logger.log(`Organiser account ${user.email} created`);
    return user;
  }

  private async refuseWhenBlocked(email: string, ip: string): Promise<void> {
    const [byEmail, byIp] = await Promise.all([this.failuresByEmail.get(email), this.failuresByIp.get(ip)]).catch(
      (err) => {
        throw DomainError.unavailable(fill(M.signInUnavailable, { reason: (err as Error).message }));
      },
    );
    for (const [state, limiter] of [
      [byEmail, this.failuresByEmail],
      [byIp, this.failuresByIp],
    ] as const) {
      if (state && state.consumedPoints >= limiter.points) {
        throw DomainError.tooMany(M.tooManySignInFailures, state.msBeforeNext / 1000);
      }
    }
  }

  private async recordFailure(email: string, ip: string): Promise<void> {
    await Promise.all([this.failuresByEmail.consume(email), this.failuresByIp.consume(ip)]).catch((res) => {
      if (res instanceof RateLimiterRes) return; // the next attempt is refused by refuseWhenBlocked
      this.logger.warn(`could not record a failed login: ${(res as Error).message}`);
    });
  }
}
