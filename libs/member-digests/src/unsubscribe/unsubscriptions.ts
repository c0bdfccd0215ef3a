import { Injectable } from '@nestjs/common';
import { AppConfig, DomainError } from '@roundtable/core';
import type { Language } from '@roundtable/core';
import { UserEntity, UsersService } from '@roundtable/identity';
import { DigestLinks } from '../content/digest-links';
import { UnsubscribeTokens } from './unsubscribe-tokens';
import { MEMBER_DIGESTS_MESSAGES as M } from '../member-digests-messages';

/**
 * One-click unsubscribe (RFC 8058) without signing in: the signed token names the member,
 * and turning the digest off is the same change as `PATCH /me { digest: "off" }`.
 */
@Injectable()
export class Unsubscriptions {
  private readonly links: DigestLinks;

  constructor(
    private readonly tokens: UnsubscribeTokens,
    private readonly users: UsersService,
    config: AppConfig,
  ) {
    this.links = new DigestLinks(config.APP_URL);
  }

  /** The member a token names; 400 for a token we did not sign, 404 for an account that is gone. */
  async member(token: string | undefined): Promise<UserEntity> {
    const userId = this.tokens.verify(token);
    if (!userId) throw DomainError.badRequest(M.unsubscribeLink, 'invalid_unsubscribe_token');
    return this.users.get(userId);
  }

  async unsubscribe(token: string | undefined): Promise<UserEntity> {
    const member = await this.member(token);
    return member.digest === 'off' ? member : this.users.update(member.id, { digest: 'off' });
  }

  get settingsUrl(): string {
    return this.links.settings();
  }

  /** The language of the page when the token says nothing (invalid): the browser's first of ours, else English. */
  static languageOf(acceptLanguage: string | undefined): Language {
    const asked = (acceptLanguage ?? '').toLowerCase().match(/[a-z]{2}/g) ?? [];
    return (asked.find((l) => l === 'en' || l === 'fr' || l === 'es') as Language | undefined) ?? 'en';
  }
}
