import { QueryFailedError } from 'typeorm';

/** PostgreSQL SQLSTATEs that mean "the server is away or refusing work", not "your request is wrong". */
const PG_UNAVAILABLE = new Set(['57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006', '53300']);

/** Messages of the pg driver, TypeORM and ioredis when a connection is missing or lost. */
const UNAVAILABLE_MESSAGES = [
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Client has encountered a connection error/i,
  /Connection is closed/i,
  /enableOfflineQueue/i,
  /Stream isn't writeable/i,
  /Reached the max retries per request limit/i,
  /\bECONNREFUSED\b/,
  /\bECONNRESET\b/,
  /\bEPIPE\b/,
  /the database system is (starting up|shutting down|in recovery mode)/i,
  /terminating connection due to administrator command/i,
  /Driver not Connected/i,
  /Redis connection is not ready/i,
];

/**
 * True when an error means a backing service (PostgreSQL, Redis) is briefly unavailable:
 * the request was fine and should be retried, so the API answers 503 with Retry-After
 * rather than 500.
 */
export function isBackingServiceUnavailable(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const err = error as { name?: string; code?: string; message?: string; driverError?: unknown; cause?: unknown };
  if (err.name === 'MaxRetriesPerRequestError') return true;
  const code = error instanceof QueryFailedError ? (error.driverError as { code?: string })?.code : err.code;
  if (
    typeof code === 'string' &&
    (PG_UNAVAILABLE.has(code) || ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT'].includes(code))
  )
    return true;
  if (typeof err.message === 'string' && UNAVAILABLE_MESSAGES.some((re) => re.test(err.message!))) return true;
  return err.cause !== undefined && err.cause !== error ? isBackingServiceUnavailable(err.cause) : false;
}
