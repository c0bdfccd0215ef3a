import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { QueryFailedError, Repository } from 'typeorm';
import { AppConfig, DomainError, RedisConnections } from '@roundtable/core';
import { AccessCache } from '../access/access-cache';
import { normaliseEmail } from '../users/users.service';
import { UserDto } from '../users/user.dto';
import { UserEntity } from '../users/user.entity';
import { AuthResponseDto } from './login.dto';
import { PasswordHasher } from './password-hasher';
import { RegisterDto } from './register.dto';
import { TokenService } from './token.service';

const INVALID_LOGIN = 'Email or password is incorrect';

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
    private readonly tokens: TokenService,
    private readonly access: AccessCache,
    redis: RedisConnections,
    config: AppConfig,
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

  /** `ip` is the client's address for sign-ups over HTTP (rate limited); internal callers (demo seeding) pass none. */
  async register(input: RegisterDto, ip?: string): Promise<AuthResponseDto> {
    if (ip !== undefined) await this.registrations.consume(ip).catch((res) => {
      if (res instanceof RateLimiterRes) {
        throw DomainError.tooMany('Too many accounts created from this address; try again later', res.msBeforeNext / 1000);
      }
      throw DomainError.unavailable('Registration is briefly unavailable; try again in a moment');
    });
    const user = this.users.create({
      email: normaliseEmail(input.email),
      passwordHash: await this.hasher.hash(input.password),
      displayName: input.displayName,
      organisation: input.organisation ?? null,
      constituency: input.constituency,
      country: input.country ?? null,
      preferredLanguage: input.preferredLanguage,
    });
    try {
      await this.users.insert(user);
    } catch (err) {
      if (err instanceof QueryFailedError && (err.driverError as { code?: string }).code === '23505') {
        throw DomainError.conflict('An account with this email already exists', 'email_taken');
      }
      throw err;
    }
    const saved = await this.users.findOneByOrFail({ id: user.id });
    return { user: UserDto.from(saved), accessToken: this.tokens.sign(saved.id) };
  }

  async login(email: string, password: string, ip: string): Promise<AuthResponseDto> {
    const emailKey = normaliseEmail(email);
    await this.refuseWhenBlocked(emailKey, ip);
    const user = await this.users.findOneBy({ email: emailKey });
    const ok = await this.hasher.verify(user?.passwordHash ?? null, password);
    if (!user || !ok) {
      await this.recordFailure(emailKey, ip);
      throw new DomainError(HttpStatus.UNAUTHORIZED, 'invalid_credentials', INVALID_LOGIN);
    }
    await this.failuresByEmail.delete(emailKey).catch(() => undefined);
    return { user: UserDto.from(user), accessToken: this.tokens.sign(user.id) };
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
    });
    await this.users.save(user);
    this.logger.log(`Organiser account ${user.email} created`);
    return user;
  }

  private async refuseWhenBlocked(email: string, ip: string): Promise<void> {
    const [byEmail, byIp] = await Promise.all([this.failuresByEmail.get(email), this.failuresByIp.get(ip)]).catch(
      (err) => {
        throw DomainError.unavailable(`Sign-in is temporarily unavailable (${(err as Error).message})`);
      },
    );
    for (const [state, limiter] of [[byEmail, this.failuresByEmail], [byIp, this.failuresByIp]] as const) {
      if (state && state.consumedPoints >= limiter.points) {
        throw DomainError.tooMany('Too many failed sign-in attempts; try again in a minute', state.msBeforeNext / 1000);
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
