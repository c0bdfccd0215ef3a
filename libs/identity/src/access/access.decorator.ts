import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { AccessLevel, AccessRule, ResourceKind } from './access-rule';
import type { RequestAccess } from './request-access';

export const ACCESS_RULE = 'roundtable:access-rule';

/**
 * Declares who may call a route. Every route needs one: the access guard refuses
 * routes without it (deny by default).
 */
export function Access(level: AccessLevel, resource?: ResourceKind, param = 'id') {
  const rule: AccessRule = { level, resource, param };
  const decorators: Array<ClassDecorator | MethodDecorator> = [SetMetadata(ACCESS_RULE, rule)];
  if (level !== 'public') {
    decorators.push(ApiBearerAuth(), ApiUnauthorizedResponse({ description: 'Missing or invalid token' }));
    if (level !== 'signed-in') decorators.push(ApiForbiddenResponse({ description: 'Not allowed' }));
  }
  return applyDecorators(...decorators);
}

/** The access the guard established for this request. */
export const CurrentAccess = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): RequestAccess => ctx.switchToHttp().getRequest().access,
);
