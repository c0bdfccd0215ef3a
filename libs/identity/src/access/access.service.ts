import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig, DomainError, NOT_FOUND } from '@roundtable/core';
import { TokenService } from '../auth/token.service';
import { AccessCache, AccessChangeListener } from './access-cache';
import { AccessLevel, ResourceKind, SpaceRole, SPACE_ROLES } from './access-rule';
import { DocumentScope, Principal, RequestAccess, SpaceScope } from './request-access';
import { IDENTITY_MESSAGES as M } from '../identity-messages';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface SpaceRow {
  id: string;
  roundtable_id: string;
  status: SpaceScope['status'];
  moderation: SpaceScope['moderation'];
}

/** The levels of staff actions (what STAFF_TWO_FACTOR guards). */
const STAFF_LEVELS = new Set<AccessLevel>(['organiser', 'moderator', 'rapporteur', 'staff']);

const rank = (role: SpaceRole | null) => (role ? SPACE_ROLES.indexOf(role) : -1);

/**
 * The one place that decides who may do what. Used by the HTTP guard and the live gateway.
 */
@Injectable()
export class AccessService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tokens: TokenService,
    private readonly cache: AccessCache,
    private readonly config: AppConfig,
  ) {}

  /**
   * The user a token speaks for, or null. A token issued to a signed-in device holds only
   * while that device's session does: ending a session (or all of them) announces the
   * change over Redis, so every api process refuses its tokens at once. A token made
   * outside a sign-in (no session) holds until the member's sessions were last all ended.
   * `ignoreExpiration`: for live sockets, which stay connected while their session holds.
   */
  async principalFromToken(
    token: string | undefined,
    options: { ignoreExpiration?: boolean } = {},
  ): Promise<Principal | null> {
    if (!token) return null;
    const claims = this.tokens.verify(token, options);
    if (!claims || !UUID.test(claims.sub) || (claims.sid !== undefined && !UUID.test(claims.sid))) return null;
    const sid = claims.sid;
    const found = await this.cache.remember(claims.sub, `principal:${sid ?? '-'}`, () =>
      this.loadPrincipal(claims.sub, sid),
    );
    if (!found) return null;
    if (!sid && found.tokensValidAfter !== null && claims.iat * 1000 <= found.tokensValidAfter) return null;
    return found.principal;
  }

  private async loadPrincipal(
    userId: string,
    sessionId: string | undefined,
  ): Promise<{ principal: Principal; tokensValidAfter: number | null } | null> {
    const rows = await this.db.query(
      `SELECT id, display_name, organisation, constituency, country, preferred_language, is_organiser,
              email_verified_at IS NOT NULL AS email_verified, totp_enabled_at IS NOT NULL AS two_factor, tokens_valid_after,
              affiliation_verified_at IS NOT NULL AS affiliation_verified
       FROM users u WHERE id = $1 AND password_hash IS NOT NULL
         AND ($2::uuid IS NULL OR EXISTS (SELECT 1 FROM sessions s WHERE s.id = $2 AND s.user_id = u.id AND s.ended_at IS NULL))`,
      [userId, sessionId ?? null],
    );
    if (rows.length === 0) return null;
    const r = rows[0];
    const principal: Principal = {
      id: r.id,
      displayName: r.display_name,
      organisation: r.organisation,
      constituency: r.constituency,
      country: r.country,
      preferredLanguage: r.preferred_language,
      isOrganiser: r.is_organiser,
      emailVerified: r.email_verified || !this.config.verifiesEmail,
      twoFactor: r.two_factor,
      affiliationVerified: r.affiliation_verified,
    };
    return { principal, tokensValidAfter: r.tokens_valid_after ? (r.tokens_valid_after as Date).getTime() : null };
  }

  /** Resolves the space a resource belongs to and the user's role in it; 404 when it does not exist. */
  async spaceScope(user: Principal | null, kind: ResourceKind, id: string): Promise<SpaceScope> {
    const what = kind === 'contribution' ? NOT_FOUND.contribution : NOT_FOUND.space;
    if (!UUID.test(id) || (kind !== 'space' && kind !== 'contribution')) throw DomainError.notFound(what);
    // a contribution never moves to another space; a space's state is dropped when it changes
    const spaceId =
      kind === 'space'
        ? id
        : await this.cache.remember(`contribution:${id}`, 'space', async () => {
            const rows = await this.db.query(`SELECT space_id FROM contributions WHERE id = $1`, [id]);
            return (rows[0]?.space_id as string | undefined) ?? null;
          });
    if (!spaceId) throw DomainError.notFound(what);
    const s = await this.cache.remember(`space:${spaceId}`, 'row', async () => {
      const rows: SpaceRow[] = await this.db.query(
        `SELECT id, roundtable_id, status, moderation FROM spaces WHERE id = $1`,
        [spaceId],
      );
      return rows[0] ?? null;
    });
    if (!s) throw DomainError.notFound(what);
    let role: SpaceRole | null = null;
    let isMember = false;
    let suspendedUntil: string | null = null;
    if (user) {
      const { space_role, roundtable_role, suspended_until } = await this.cache.remember(
        user.id,
        `space:${s.id}`,
        async () => {
          // a suspension runs in this space or in its whole consultation (moderation's member_sanctions)
          const roles = await this.db.query(
            `SELECT (SELECT role FROM memberships WHERE space_id = $1 AND user_id = $3) AS space_role,
                  (SELECT role FROM roundtable_roles WHERE roundtable_id = $2 AND user_id = $3) AS roundtable_role,
                  (SELECT max(su.until) FROM member_sanctions su
                   WHERE su.user_id = $3 AND su.kind = 'suspension' AND su.until > now()
                     AND (su.space_id = $1 OR (su.space_id IS NULL AND su.consultation_id = (SELECT consultation_id FROM roundtables WHERE id = $2)))) AS suspended_until`,
            [s.id, s.roundtable_id, user.id],
          );
          return roles[0] as {
            space_role: SpaceRole | null;
            roundtable_role: SpaceRole | null;
            suspended_until: Date | null;
          };
        },
      );
      isMember = space_role !== null || roundtable_role !== null;
      role = rank(roundtable_role) > rank(space_role) ? roundtable_role : space_role;
      if (suspended_until && suspended_until.getTime() > Date.now()) suspendedUntil = suspended_until.toISOString();
    }
    return {
      spaceId: s.id,
      roundtableId: s.roundtable_id,
      status: s.status,
      moderation: s.moderation,
      role,
      isMember,
      suspendedUntil,
    };
  }

  async roundtableRole(user: Principal | null, roundtableId: string): Promise<SpaceRole | null> {
    if (!UUID.test(roundtableId)) throw DomainError.notFound(NOT_FOUND.roundtable);
    const rows = await this.db.query(
      `SELECT r.id, rr.role FROM roundtables r
       LEFT JOIN roundtable_roles rr ON rr.roundtable_id = r.id AND rr.user_id = $2
       WHERE r.id = $1`,
      [roundtableId, user?.id ?? null],
    );
    if (rows.length === 0) throw DomainError.notFound(NOT_FOUND.roundtable);
    return rows[0].role;
  }

  /**
   * The space of a moderator digest or the roundtable of a stocktaking summary, and
   * whether it has a published version; 404 when it does not exist. Read every time:
   * publishing changes what participants may see.
   */
  async documentScope(
    kind: 'digest' | 'stocktaking',
    id: string,
  ): Promise<{ document: DocumentScope; parentId: string }> {
    const what = kind === 'digest' ? NOT_FOUND.digest : NOT_FOUND.stocktakingSummary;
    if (!UUID.test(id)) throw DomainError.notFound(what);
    const rows: Array<{ parent_id: string; published: boolean }> = await this.db.query(
      kind === 'digest'
        ? `SELECT space_id AS parent_id, published_version IS NOT NULL AS published FROM moderator_digests WHERE id = $1`
        : `SELECT roundtable_id AS parent_id, published_version IS NOT NULL AS published FROM stocktaking_summaries WHERE id = $1`,
      [id],
    );
    if (rows.length === 0) throw DomainError.notFound(what);
    return { document: { kind, id, published: rows[0].published }, parentId: rows[0].parent_id };
  }

  /** Call after changing a user's profile, memberships or roles. */
  changed(userId: string): Promise<void> {
    return this.cache.changed(userId);
  }

  /** Call after changing a space's status, moderation mode or dates. */
  spaceChanged(spaceId: string): Promise<void> {
    return this.cache.changed(`space:${spaceId}`);
  }

  /**
   * Calls `listener` after every announced change of a user's access (their id) or of a
   * space (`space:<id>`), whichever api process made it; what it looks up is read afresh.
   */
  onChange(listener: AccessChangeListener): void {
    this.cache.onChange(listener);
  }

  /**
   * With STAFF_TWO_FACTOR=required, staff (organisers, moderators, rapporteurs) act as staff
   * only once they have enrolled in two-factor sign-in.
   */
  private checkTwoFactor(level: AccessLevel, access: RequestAccess): void {
    if (this.config.STAFF_TWO_FACTOR !== 'required' || access.user!.twoFactor || !STAFF_LEVELS.has(level)) return;
    const role = access.space?.role ?? access.roundtable?.role ?? null;
    if (access.user!.isOrganiser || role === 'moderator' || role === 'rapporteur') {
      throw DomainError.forbidden(M.staffTwoFactor, 'two_factor_required');
    }
  }

  /** Throws 401/403/404 unless the access satisfies the level. */
  check(level: AccessLevel, access: RequestAccess): void {
    const { user } = access;
    if (level === 'public') return;
    if (!user) throw new DomainError(HttpStatus.UNAUTHORIZED, 'unauthenticated', M.signInFirst);
    if (level === 'signed-in') return;
    this.checkTwoFactor(level, access);
    if (user.isOrganiser) return;
    if (level === 'organiser') throw DomainError.forbidden(M.organisersOnly);
    const role = access.space?.role ?? access.roundtable?.role ?? null;
    const space = access.space;
    // an unpublished digest or summary exists only for the staff who write it
    if (access.document && !access.document.published && role !== 'moderator' && role !== 'rapporteur') {
      throw DomainError.notFound(access.document.kind === 'digest' ? NOT_FOUND.digest : NOT_FOUND.stocktakingSummary);
    }
    switch (level) {
      case 'viewer':
        if (space && space.status === 'draft' && (role === null || role === 'participant'))
          throw DomainError.notFound(NOT_FOUND.space);
        return;
      case 'member':
        if (space && space.status === 'draft' && (role === null || role === 'participant'))
          throw DomainError.notFound(NOT_FOUND.space);
        if (space && !space.isMember) throw DomainError.forbidden(M.joinFirst, 'not_a_member');
        if (!space && role === null) throw DomainError.forbidden(M.noRoundtableRole);
        return;
      case 'moderator':
        if (role !== 'moderator') throw DomainError.forbidden(M.moderatorsOnly);
        return;
      case 'rapporteur':
        if (role !== 'rapporteur') throw DomainError.forbidden(M.rapporteursOnly);
        return;
      case 'staff':
        if (role !== 'moderator' && role !== 'rapporteur') throw DomainError.forbidden(M.staffOnly);
        return;
    }
  }
}
