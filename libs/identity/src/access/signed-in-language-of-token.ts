import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Language, SignedInLanguage } from '@roundtable/core';
import { bearer } from './access.guard';
import { AccessService } from './access.service';
import { RequestAccess } from './request-access';

/**
 * The preferred language of the user a request is signed in as, for its error message:
 * from the access the guard resolved, or, for an error raised before the guard ran (a
 * malformed body, an unknown route), from the bearer token (the principal is cached).
 */
@Injectable()
export class SignedInLanguageOfToken extends SignedInLanguage {
  constructor(private readonly access: AccessService) {
    super();
  }

  async of(request: FastifyRequest & { access?: RequestAccess }): Promise<Language | null> {
    if (request.access) return request.access.user?.preferredLanguage ?? null;
    const token = bearer(request.headers.authorization);
    if (!token) return null;
    return (await this.access.principalFromToken(token))?.preferredLanguage ?? null;
  }
}
