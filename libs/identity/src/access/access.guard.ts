import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '@roundtable/core';
import { ACCESS_RULE } from './access.decorator';
import { AccessRule } from './access-rule';
import { AccessService } from './access.service';
import { RequestAccess } from './request-access';
import { IDENTITY_MESSAGES as M } from '../identity-messages';

/**
 * The single guard for every HTTP route: reads the route's {@link AccessRule}, resolves
 * the user and the space/roundtable in scope, and lets the request through only if the
 * rule holds. A route with no rule is refused.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly access: AccessService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!rule) {
      this.logger.error(`route ${context.getClass().name}.${context.getHandler().name} has no access rule; refused`);
      throw DomainError.forbidden(M.routeUnavailable);
    }
    const request = context.switchToHttp().getRequest<FastifyRequest & { access?: RequestAccess }>();
    const user = await this.access.principalFromToken(bearer(request.headers.authorization));
    const access: RequestAccess = { user };
    if (user && rule.resource) {
      const id = (request.params as Record<string, string>)[rule.param ?? 'id'];
      if (rule.resource === 'roundtable') {
        access.roundtable = { roundtableId: id, role: await this.access.roundtableRole(user, id) };
      } else if (rule.resource === 'digest' || rule.resource === 'stocktaking') {
        const { document, parentId } = await this.access.documentScope(rule.resource, id);
        access.document = document;
        if (rule.resource === 'digest') access.space = await this.access.spaceScope(user, 'space', parentId);
        else access.roundtable = { roundtableId: parentId, role: await this.access.roundtableRole(user, parentId) };
      } else if (rule.resource !== 'consultation') {
        access.space = await this.access.spaceScope(user, rule.resource, id);
      }
    }
    this.access.check(rule.level, access);
    request.access = access;
    return true;
  }
}

export function bearer(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1];
}
