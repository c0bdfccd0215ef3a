import {
  ArgumentMetadata,
  HttpException,
  Injectable,
  ValidationError,
  ValidationPipe,
  ValidationPipeOptions,
} from '@nestjs/common';
import { InvalidInput } from './invalid-input';

/** Distinct query strings remembered per query class; past this the memo starts again. */
const MAX_REMEMBERED = 1000;

/**
 * The api's ValidationPipe, which validates a query string once per distinct value: the
 * same `?limit=50&lang=fr` asked by every reader of a page is turned into its DTO from
 * memory, not by class-validator again (about a sixth of what a cached page costs).
 * Only valid queries are remembered; bodies and route parameters are validated every time.
 * Each request gets its own copy, so a handler may change what it receives.
 * A refusal is an {@link InvalidInput}, which the error filter words in the request's language.
 */
@Injectable()
export class QueryValidationPipe extends ValidationPipe {
  private readonly valid = new WeakMap<object, Map<string, object>>();

  constructor(options?: ValidationPipeOptions) {
    // the error keeps its object, whose class says which decorator (and limit) refused it
    super({ ...options, validationError: { target: true, ...options?.validationError } });
    const english = this.exceptionFactory;
    this.exceptionFactory = (errors: ValidationError[]) => {
      const response = (english(errors) as HttpException).getResponse() as { message?: string | string[] };
      const message = response.message ?? [];
      return new InvalidInput(errors, Array.isArray(message) ? message : [message]);
    };
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const type = metadata.metatype;
    if (metadata.type !== 'query' || !type || !this.toValidate(metadata) || !isPlain(value))
      return super.transform(value, metadata);
    const key = JSON.stringify(value);
    let memo = this.valid.get(type);
    const known = memo?.get(key);
    if (known) return copy(known);
    const dto = await super.transform(value, metadata);
    if (!memo) this.valid.set(type, (memo = new Map()));
    if (memo.size >= MAX_REMEMBERED) memo.clear();
    memo.set(key, copy(dto));
    return dto;
  }
}

function isPlain(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A deep copy that keeps the DTO's class. */
function copy<T extends object>(dto: T): T {
  return Object.setPrototypeOf(structuredClone({ ...dto }), Object.getPrototypeOf(dto));
}
