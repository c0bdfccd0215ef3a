import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@roundtable/core';
import { ContributionsService } from '@roundtable/contributions';
import { AccessService, AuthService, Principal, UserEntity, UsersService } from '@roundtable/identity';
import {
  ConsultationEntity,
  ConsultationsService,
  RoundtableEntity,
  RoundtablesService,
  SpaceEntity,
  SpacesService,
} from '@roundtable/spaces';
import { withAdvisoryLock } from '../shared/advisory-lock';
import {
  DEFAULT_DEMO_ORGANISER,
  DEMO_CONSULTATION,
  DEMO_MODERATOR,
  DEMO_PARTICIPANTS,
  DEMO_PASSWORD,
  DEMO_RAPPORTEUR,
  DEMO_ROUNDTABLES,
  DemoPerson,
  DemoPost,
  DemoSpace,
} from './demo-content';

export interface DemoLogin {
  role: 'organiser' | 'moderator' | 'rapporteur' | 'participant';
  name: string;
  email: string;
  /** Absent when it is the operator's own ADMIN_PASSWORD in production. */
  password?: string;
}

/** What one run created; a second run creates nothing (every count 0). */
export interface DemoSeedCounts {
  consultations: number;
  roundtables: number;
  spaces: number;
  accounts: number;
  memberships: number;
  contributions: number;
  pending: number;
}

export interface DemoSeedResult {
  created: DemoSeedCounts;
  consultationId: string;
  /** Organiser, moderator, rapporteur and one participant per language: what the launcher prints. */
  logins: DemoLogin[];
  /** Every demo account (all share {@link DEMO_PASSWORD}, the organiser aside). */
  accounts: DemoLogin[];
}

const HOUR = 3_600_000;

/**
 * Loads Roundtable's own demo consultation (see `demo-content.ts`): one consultation, two
 * roundtables with objectives, four spaces with prompts in EN/FR/ES (one pre-moderated),
 * twelve participants, a moderator, a rapporteur, an organiser, and threads in the three
 * languages dated over the past two weeks. Every item is found again by a fixed key (the
 * consultation's English title, emails, space numbers, contribution external refs), so a
 * second run — or a run after an interrupted one — adds only what is missing.
 */
@Injectable()
export class DemoSeeder {
  private readonly logger = new Logger(DemoSeeder.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
    private readonly auth: AuthService,
    private readonly users: UsersService,
    private readonly access: AccessService,
    private readonly consultations: ConsultationsService,
    private readonly roundtables: RoundtablesService,
    private readonly spaces: SpacesService,
    private readonly contributions: ContributionsService,
  ) {}

  seed(now = new Date()): Promise<DemoSeedResult> {
    return withAdvisoryLock(this.db, 'roundtable-demo-seed', () => this.seedLocked(now));
  }

  private async seedLocked(now: Date): Promise<DemoSeedResult> {
    const created: DemoSeedCounts = {
      consultations: 0,
      roundtables: 0,
      spaces: 0,
      accounts: 0,
      memberships: 0,
      contributions: 0,
      pending: 0,
    };

    const organiserLogin = this.organiserLogin();
    if (!(await this.users.findByEmail(organiserLogin.email))) created.accounts += 1;
    const organiser = await this.auth.ensureOrganiser(
      organiserLogin.email,
      organiserLogin.password ?? this.config.ADMIN_PASSWORD!,
      'Demo organiser',
    );

    const people = new Map<string, Principal>();
    for (const p of [DEMO_MODERATOR, DEMO_RAPPORTEUR, ...DEMO_PARTICIPANTS]) {
      const { user, isNew } = await this.ensurePerson(p);
      if (isNew) created.accounts += 1;
      people.set(p.key, principalOf(user));
    }

    const consultation = await this.ensureConsultation(organiser.id, created);
    const existingRoundtables = new Map(
      (await this.consultations.roundtablesOf(consultation.id)).map((r) => [r.number, r]),
    );
    for (const demoRoundtable of DEMO_ROUNDTABLES) {
      let roundtable: RoundtableEntity | undefined = existingRoundtables.get(demoRoundtable.number);
      if (!roundtable) {
        roundtable = await this.roundtables.create(consultation.id, {
          number: demoRoundtable.number,
          title: demoRoundtable.title,
          objectives: demoRoundtable.objectives,
        });
        created.roundtables += 1;
      }
      // roundtable-level roles cover every space of the roundtable (upserts: a rerun changes nothing)
      await this.roundtables.assignRole(roundtable.id, people.get(DEMO_MODERATOR.key)!.id, 'moderator');
      await this.roundtables.assignRole(roundtable.id, people.get(DEMO_RAPPORTEUR.key)!.id, 'rapporteur');

      const existingSpaces = new Map((await this.roundtables.spacesOf(roundtable.id)).map((s) => [s.number, s]));
      for (const demoSpace of demoRoundtable.spaces) {
        let space = existingSpaces.get(demoSpace.number);
        if (!space) {
          space = await this.spaces.create(
            roundtable.id,
            { number: demoSpace.number, prompt: demoSpace.prompt, moderation: demoSpace.moderation },
            `demo:${demoRoundtable.number}.${demoSpace.number}`,
          );
          created.spaces += 1;
        }
        created.memberships += await this.ensureMembers(space, demoSpace, people);
        created.contributions += await this.ensureThreads(space, demoSpace, people, now);
        created.pending += await this.ensurePending(space, demoSpace, people);
      }
    }

    const login = (role: DemoLogin['role'], p: DemoPerson): DemoLogin => ({
      role,
      name: p.displayName,
      email: p.email,
      password: DEMO_PASSWORD,
    });
    const firstSpeaking = (lang: string) => DEMO_PARTICIPANTS.find((p) => p.preferredLanguage === lang)!;
    const result: DemoSeedResult = {
      created,
      consultationId: consultation.id,
      logins: [
        organiserLogin,
        login('moderator', DEMO_MODERATOR),
        login('rapporteur', DEMO_RAPPORTEUR),
        ...(['en', 'fr', 'es'] as const).map((lang) => login('participant', firstSpeaking(lang))),
      ],
      accounts: [
        organiserLogin,
        login('moderator', DEMO_MODERATOR),
        login('rapporteur', DEMO_RAPPORTEUR),
        ...DEMO_PARTICIPANTS.map((p) => login('participant', p)),
      ],
    };
    this.logger.log(`demo content: ${JSON.stringify(created)}`);
    return result;
  }

  /** ADMIN_EMAIL / ADMIN_PASSWORD when both are configured, else the default demo organiser. */
  private organiserLogin(): DemoLogin {
    const { ADMIN_EMAIL: email, ADMIN_PASSWORD: password } = this.config;
    if (email && password) {
      return {
        role: 'organiser',
        name: 'Organiser',
        email: email.trim().toLowerCase(),
        ...(this.config.isProduction ? {} : { password }),
      };
    }
    return { role: 'organiser', name: 'Demo organiser', email: DEFAULT_DEMO_ORGANISER, password: DEMO_PASSWORD };
  }

  /** An existing account with that email is kept as it is (its password included). */
  private async ensurePerson(p: DemoPerson): Promise<{ user: UserEntity; isNew: boolean }> {
    const existing = await this.users.findByEmail(p.email);
    if (existing) return { user: existing, isNew: false };
    const { user } = await this.auth.register({
      email: p.email,
      password: DEMO_PASSWORD,
      displayName: p.displayName,
      organisation: p.organisation,
      constituency: p.constituency,
      country: p.country,
      preferredLanguage: p.preferredLanguage,
    });
    return { user: await this.users.get(user.id), isNew: true };
  }

  private async ensureConsultation(organiserId: string, created: DemoSeedCounts): Promise<ConsultationEntity> {
    const rows: Array<{ id: string }> = await this.db.query(
      `SELECT id FROM consultations WHERE title->>'en' = $1 ORDER BY created_at LIMIT 1`,
      [DEMO_CONSULTATION.title.en],
    );
    if (rows.length > 0) return this.consultations.get(rows[0].id);
    created.consultations += 1;
    return this.consultations.create(DEMO_CONSULTATION, organiserId);
  }

  private async ensureMembers(space: SpaceEntity, demo: DemoSpace, people: Map<string, Principal>): Promise<number> {
    const rows: Array<{ user_id: string }> = await this.db.query(
      `SELECT user_id FROM memberships WHERE space_id = $1`,
      [space.id],
    );
    const already = new Set(rows.map((r) => r.user_id));
    let added = 0;
    for (const key of demo.members) {
      const user = people.get(key)!;
      if (already.has(user.id)) continue;
      await this.spaces.join(space.id, user.id);
      added += 1;
    }
    return added;
  }

  /** Published threads, written as imports: their own dates, an event each, idempotent by external ref. */
  private async ensureThreads(
    space: SpaceEntity,
    demo: DemoSpace,
    people: Map<string, Principal>,
    now: Date,
  ): Promise<number> {
    let added = 0;
    const write = async (post: DemoPost, parentId: string | null): Promise<void> => {
      const author = people.get(post.by)!;
      const written = await this.contributions.importOne(
        space.id,
        { ...author, isModerator: post.by === DEMO_MODERATOR.key },
        { body: post.body, language: post.lang, parentId },
        { createdAt: new Date(now.getTime() - post.hoursAgo * HOUR), externalRef: `demo:${post.key}` },
      );
      if (written.created) added += 1;
      for (const reply of post.replies ?? []) await write(reply, written.id);
    };
    for (const thread of demo.threads) await write(thread, null);
    return added;
  }

  /** Posted as the participants would, so in a pre-moderated space they wait in the moderation queue. */
  private async ensurePending(space: SpaceEntity, demo: DemoSpace, people: Map<string, Principal>): Promise<number> {
    let added = 0;
    for (const post of demo.pending ?? []) {
      const user = people.get(post.by)!;
      const found = await this.db.query(
        `SELECT 1 FROM contributions WHERE space_id = $1 AND author_id = $2 AND body = $3 LIMIT 1`,
        [space.id, user.id, post.body],
      );
      if (found.length > 0) continue;
      const scope = await this.access.spaceScope(user, 'space', space.id);
      await this.contributions.post({ user, space: scope }, { body: post.body, language: post.lang });
      added += 1;
    }
    return added;
  }
}

function principalOf(user: UserEntity): Principal {
  return {
    id: user.id,
    displayName: user.displayName,
    organisation: user.organisation,
    constituency: user.constituency,
    country: user.country,
    preferredLanguage: user.preferredLanguage,
    isOrganiser: user.isOrganiser,
    emailVerified: true,
    twoFactor: false,
  };
}
