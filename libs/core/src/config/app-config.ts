import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Max,
  Min,
  Matches,
  MinLength,
  ValidateIf,
  validateSync,
} from 'class-validator';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : value;
const toBool = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : ['1', 'true', 'yes', 'on'].includes(String(value).toLowerCase());

/**
 * Every setting Roundtable reads from the environment, validated once at boot.
 * Nothing else in the code base reads `process.env`.
 */
export class AppConfig {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  @IsUrl({ protocols: ['postgres', 'postgresql'], require_tld: false })
  DATABASE_URL: string;

  @Transform(toInt)
  @IsInt()
  @Min(2)
  @Max(200)
  DATABASE_POOL_SIZE = 10;

  @IsUrl({ protocols: ['redis', 'rediss'], require_tld: false })
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** Prefix for every Redis key (queues, rate limits, live rooms) so deployments and test runs never collide. */
  @IsString()
  @MinLength(1)
  REDIS_PREFIX = 'rt';

  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET: string;

  @IsString()
  JWT_ISSUER = 'roundtable';

  @IsString()
  JWT_AUDIENCE = 'roundtable-api';

  /** Lifetime of an access token (bearer); the web app renews it with its refresh cookie. */
  @Transform(toInt)
  @IsInt()
  @Min(60)
  JWT_TTL_SECONDS = 900;

  /** How long a signed-in device stays signed in without being used (its refresh token's lifetime). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(365)
  SESSION_TTL_DAYS = 30;

  /**
   * `required`: a new account may read but not post until its email address is verified;
   * `off`: no verification. Unset: `required` when NODE_ENV=production, else `off`.
   */
  @IsOptional()
  @IsIn(['required', 'off'])
  EMAIL_VERIFICATION?: 'required' | 'off';

  /** `required`: organisers, moderators and rapporteurs enrol in two-factor sign-in before any staff action. */
  @IsIn(['required', 'optional'])
  STAFF_TWO_FACTOR: 'required' | 'optional' = 'optional';

  /** Lifetime of a password-reset link. */
  @Transform(toInt)
  @IsInt()
  @Min(60)
  PASSWORD_RESET_TTL_SECONDS = 3600;

  /** Password-reset requests accepted per address, and (five times as many) per client, per hour. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  PASSWORD_RESETS_PER_HOUR = 5;

  @IsOptional()
  @IsEmail()
  ADMIN_EMAIL?: string;

  @IsOptional()
  @IsString()
  @MinLength(12, { message: 'ADMIN_PASSWORD must be at least 12 characters' })
  ADMIN_PASSWORD?: string;

  /** Largest JSON body accepted, in bytes; larger bodies get 413. */
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  BODY_LIMIT_BYTES = 256 * 1024;

  @IsUrl({ require_tld: false })
  APP_URL = 'http://localhost:3000';

  /** Origins allowed for browsers and Socket.IO connections (comma separated). */
  @Transform(toList)
  @IsString({ each: true })
  ALLOWED_ORIGINS: string[] = ['http://localhost:3000', 'http://127.0.0.1:3000'];

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_ATTEMPTS_PER_MINUTE = 10;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  POSTS_PER_MINUTE = 10;

  @Transform(toInt)
  @IsInt()
  @Min(0)
  POST_MIN_INTERVAL_MS = 3000;

  /** The same text posted again by a member within this many seconds gets 429 (0: no check). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  DUPLICATE_POST_WINDOW_SECONDS = 60;

  /** Distinct members whose flags hide a contribution pending review; at least 2, so no single account can. */
  @Transform(toInt)
  @IsInt()
  @Min(2)
  FLAG_HIDE_THRESHOLD = 3;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  FLAGS_PER_MINUTE = 10;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  MODERATION_ACTIONS_PER_MINUTE = 120;

  @IsOptional()
  @IsUrl({ protocols: ['smtp', 'smtps'], require_tld: false })
  SMTP_URL?: string;

  /** Sender of every email (digests), `Name <address>` or a bare address. */
  @IsString()
  @MinLength(3)
  MAIL_FROM = 'Roundtable <no-reply@roundtable.local>';

  /** Weekday of the weekly member digest in each consultation's timezone: 0 Sunday … 6 Saturday. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(6)
  DIGEST_DAY = 1;

  /** Hour (0–23) of the weekly member digest in each consultation's timezone. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(23)
  DIGEST_HOUR = 8;

  /** How often the worker brings the digest schedules in line with the consultations (new ones, timezone or time changed). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  DIGEST_SCHEDULE_SYNC_SECONDS = 60;

  /** How long a claimed digest delivery is held before the sweeper sends it again (a worker died between claim and send). */
  @Transform(toInt)
  @IsInt()
  @Min(5)
  DIGEST_CLAIM_TTL_SECONDS = 300;

  /** Digest emails one worker renders and sends at once. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(256)
  DIGEST_CONCURRENCY = 32;

  /** How long an invitation link stays valid, counted from when its email is sent (default 14 days). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(365 * 24 * 3600)
  INVITATION_TTL_SECONDS = 14 * 24 * 3600;

  /** Invitation emails one worker renders and sends at once. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(64)
  INVITATION_CONCURRENCY = 8;

  /** Key of the signed unsubscribe links; when unset it is derived from JWT_SECRET (HKDF), so rotating that one also voids old links. */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'UNSUBSCRIBE_SECRET must be at least 32 characters' })
  UNSUBSCRIBE_SECRET?: string;

  /** Machine translation engine: `apertium` (offline, Debian's packages), `libretranslate` or `deepl` (HTTP). */
  @IsIn(['apertium', 'libretranslate', 'deepl'])
  TRANSLATION_PROVIDER = 'apertium';

  /**
   * Which language Apertium goes through for EN→FR and FR→EN (no Debian pair of their own):
   * `es` is Spanish (apertium-eng-spa + apertium-fr-es, the default, as measured by
   * `npm run bench -- translation-quality`), `ca` Catalan (apertium-eng-cat +
   * apertium-fra-cat; Spanish is used while those are not installed).
   */
  @IsString()
  @Matches(/^\s*(?:(?:en-fr|fr-en):(?:es|ca)\s*(?:,\s*(?:en-fr|fr-en):(?:es|ca)\s*)*)?$/, {
    message: 'TRANSLATION_PIVOTS must look like en-fr:ca,fr-en:es (pivots: es, ca)',
  })
  TRANSLATION_PIVOTS = 'en-fr:es,fr-en:es';

  /** Where Apertium's `modes/` live (Debian: /usr/share/apertium). */
  @IsString()
  @MinLength(1)
  APERTIUM_DATA_DIR = '/usr/share/apertium';

  /** Base URL of a LibreTranslate server (used when TRANSLATION_PROVIDER=libretranslate). */
  @IsUrl({ protocols: ['http', 'https'], require_tld: false }, { message: 'LIBRETRANSLATE_URL must be an http(s) URL' })
  LIBRETRANSLATE_URL = 'http://127.0.0.1:5000';

  @IsOptional()
  @IsString()
  LIBRETRANSLATE_API_KEY?: string;

  /** DeepL API base URL: https://api-free.deepl.com for free keys, https://api.deepl.com for paid ones. */
  @IsUrl({ protocols: ['http', 'https'], require_tld: false }, { message: 'DEEPL_URL must be an http(s) URL' })
  DEEPL_URL = 'https://api-free.deepl.com';

  @ValidateIf((c: AppConfig) => c.TRANSLATION_PROVIDER === 'deepl')
  @IsString()
  @MinLength(1, { message: 'DEEPL_API_KEY is required when TRANSLATION_PROVIDER=deepl' })
  DEEPL_API_KEY?: string;

  /** Longest one translation may take (all its segments and legs); then it fails and is retried. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(600_000)
  TRANSLATION_TIMEOUT_MS = 30_000;

  /** Translation jobs one worker runs at once, at most: fewer while other processes keep the machine's CPUs busy. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(256)
  TRANSLATION_CONCURRENCY = 16;

  /**
   * The worker's OS scheduling priority (nice value, inherited by Apertium and every other
   * child process): background work yields the CPU to the api on a shared machine. 0 keeps
   * the default priority (a machine of its own).
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(19)
  WORKER_NICE = 10;

  /** Texts are cut on paragraph and sentence boundaries into pieces of at most this many characters. */
  @Transform(toInt)
  @IsInt()
  @Min(200)
  @Max(100_000)
  TRANSLATION_MAX_SEGMENT_CHARS = 1500;

  /** Published contributions still missing a translation this long after their last change are queued again (0: no sweeper). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  TRANSLATION_SWEEP_AFTER_SECONDS = 60;

  /** How long a translation job stays locked to a worker that stopped answering before another takes it over. */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  TRANSLATION_LOCK_MS = 30_000;

  /** Directory of the built web app; the api serves it at `/`. */
  @IsOptional()
  @IsString()
  WEB_DIST_DIR?: string;

  /** Trust X-Forwarded-For (set when the api runs behind a reverse proxy). */
  @Transform(toBool)
  @IsOptional()
  @IsBoolean()
  TRUST_PROXY = false;

  /** Run the outbox sweeper in this process (the worker does by default). */
  @Transform(toBool)
  @IsOptional()
  @IsBoolean()
  OUTBOX_SWEEPER?: boolean;

  /** Registrations accepted per client address per hour (429 beyond). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  REGISTRATIONS_PER_HOUR = 20;

  /** How long a stopping process waits for in-flight requests and active jobs before it closes anyway. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(120_000)
  SHUTDOWN_TIMEOUT_MS = 8000;

  /** How long a starting process waits for Redis to answer before it gives up. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  REDIS_CONNECT_TIMEOUT_MS = 30_000;

  /** Port on which the worker serves Prometheus metrics at `/metrics` (unset: not served). The api serves them on its own port. */
  @Transform(toInt)
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(65535)
  METRICS_PORT?: number;

  /** When set, `/metrics` requires `Authorization: Bearer <METRICS_TOKEN>`. */
  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'METRICS_TOKEN must be at least 16 characters' })
  METRICS_TOKEN?: string;

  /** When the worker drafts a moderator digest for every open space (cron, in MODERATOR_DIGEST_TIMEZONE); each covers the 7 days before. */
  @IsString()
  @Matches(/^\S+( \S+){4,5}$/, { message: 'MODERATOR_DIGEST_CRON must be a cron pattern (5 or 6 fields)' })
  MODERATOR_DIGEST_CRON = '0 6 * * 1';

  @IsString()
  @MinLength(1)
  MODERATOR_DIGEST_TIMEZONE = 'UTC';

  /** Who words stocktaking statements: `extractive` (built in, offline) or `openai` (an OpenAI-compatible endpoint rephrases the extractive draft; figures never pass through it). */
  @IsIn(['extractive', 'openai'])
  SUMMARISER = 'extractive';

  /** Base URL of the OpenAI-compatible API (`…/v1`), required when SUMMARISER=openai. */
  @ValidateIf((c: AppConfig) => c.SUMMARISER === 'openai')
  @IsUrl(
    { protocols: ['http', 'https'], require_tld: false },
    { message: 'SUMMARISER_URL must be the http(s) base URL of an OpenAI-compatible API' },
  )
  SUMMARISER_URL?: string;

  @ValidateIf((c: AppConfig) => c.SUMMARISER === 'openai')
  @IsString()
  @MinLength(1, { message: 'SUMMARISER_MODEL must name a model' })
  SUMMARISER_MODEL?: string;

  @IsOptional()
  @IsString()
  SUMMARISER_API_KEY?: string;

  @Transform(toInt)
  @IsInt()
  @Min(1000)
  SUMMARISER_TIMEOUT_MS = 60_000;

  get isProduction(): boolean {
    return this.NODE_ENV === 'production';
  }

  /** Whether new accounts must verify their email address before posting (see EMAIL_VERIFICATION). */
  get verifiesEmail(): boolean {
    return (this.EMAIL_VERIFICATION ?? (this.isProduction ? 'required' : 'off')) === 'required';
  }
}

/** Thrown when the environment is invalid; the message names each bad variable. */
export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const known = Object.keys(new AppConfig());
  const source: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (
      value !== undefined &&
      (known.includes(key) ||
        [
          'DATABASE_URL',
          'JWT_SECRET',
          'EMAIL_VERIFICATION',
          'ADMIN_EMAIL',
          'ADMIN_PASSWORD',
          'SMTP_URL',
          'WEB_DIST_DIR',
          'OUTBOX_SWEEPER',
          'TRUST_PROXY',
          'UNSUBSCRIBE_SECRET',
          'METRICS_PORT',
          'METRICS_TOKEN',
          'SUMMARISER_URL',
          'SUMMARISER_MODEL',
          'SUMMARISER_API_KEY',
          'LIBRETRANSLATE_API_KEY',
          'DEEPL_API_KEY',
        ].includes(key))
    ) {
      source[key] = value;
    }
  }
  const config = plainToInstance(AppConfig, source, { exposeDefaultValues: true });
  const errors = validateSync(config, { skipMissingProperties: false });
  if (errors.length > 0) {
    const lines = errors.map((e) => {
      const shown =
        e.property.includes('SECRET') ||
        e.property.includes('PASSWORD') ||
        e.property.includes('TOKEN') ||
        e.property.endsWith('_KEY')
          ? '(hidden)'
          : JSON.stringify(e.value);
      return `  ${e.property}=${shown}: ${Object.values(e.constraints ?? {}).join('; ')}`;
    });
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return config;
}
