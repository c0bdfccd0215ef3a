import type { FastifyRequest } from 'fastify';
import type { Language } from '../languages';

/**
 * The preferred language of the user a request is signed in as, or null (anonymous, or a
 * token that does not hold). The error filter asks it when `Accept-Language` names none of
 * ours; the identity library provides it (it alone reads tokens).
 */
export abstract class SignedInLanguage {
  abstract of(request: FastifyRequest): Promise<Language | null>;
}
