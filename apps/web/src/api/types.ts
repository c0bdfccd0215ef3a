import type { components } from './schema';

/**
 * The shapes the pages work with, named for them. Most are the generated schema's
 * (`schema.d.ts`, from the api's OpenAPI document); digests and summaries are still
 * written here because their sections are documented loosely (`object`) in OpenAPI.
 */
export type Lang = 'en' | 'fr' | 'es';
export const LANGS: Lang[] = ['en', 'fr', 'es'];
export type Multilingual = Partial<Record<Lang, string>>;
export type Constituency = components['schemas']['RegisterDto']['constituency'];
export const CONSTITUENCIES: Constituency[] = ['state', 'civil_society', 'business', 'local_government', 'international_organisation', 'youth', 'academia', 'other'];

export type Contribution = Omit<components['schemas']['ContributionDto'], 'translations' | 'author'> & {
  author: components['schemas']['ContributionAuthorDto'] & { organisation: string | null; country: string | null };
  translations: Partial<Record<Lang, { text: string; status: string; provider: string; machine?: boolean }>>;
};
export type ContributionPage = { items: Contribution[]; nextCursor: string | null };

export type User = components['schemas']['UserDto'];
export type AuthResult = components['schemas']['AuthResponseDto'];
export type Consultation = components['schemas']['ConsultationDto'];
export type Role = 'participant' | 'moderator' | 'rapporteur' | null;
export type Roundtable = components['schemas']['RoundtableDto'];
export type Space = components['schemas']['SpaceDto'];
/** An event of a space; its payload's fields depend on `type` (see API.md). */
export type SpaceEvent = Omit<components['schemas']['SpaceEventDto'], 'payload'> & { payload: Record<string, any> };
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
export type FlagReason = 'spam' | 'off_topic' | 'abusive' | 'other';
export const FLAG_REASONS: FlagReason[] = ['spam', 'off_topic', 'abusive', 'other'];
/** A contribution waiting for a moderator: pending approval, or flagged by members. */
export type QueueItem = Omit<components['schemas']['QueueItemDto'], 'contribution'> & { contribution: Contribution };
export type AuditEntry = components['schemas']['AuditEntryDto'];
export type Sanction = components['schemas']['SanctionDto'];
export type RunningSuspension = components['schemas']['RunningSuspensionDto'];
export type MemberNotices = components['schemas']['MemberNoticesDto'];
export type ModeratedQuestion = components['schemas']['ModeratedQuestionDto'];
export interface KeyPoint {
  id?: string;
  text: string;
  priority?: boolean;
  sources?: string[];
  themeKey?: string | null;
  origin?: string;
  edited?: boolean;
}
export interface Quote {
  contributionId: string;
  text: string;
  language?: Lang;
  authorName: string;
  organisation?: string | null;
  constituency?: string;
}
export interface Theme {
  key: string;
  label: string;
  contributionIds: string[];
  constituencies: Record<string, number>;
  authors?: number;
  quotes: Quote[];
}
export interface Digest {
  id: string;
  spaceId: string;
  status: 'draft' | 'published';
  periodStart: string;
  periodEnd: string;
  version: number;
  publishedAt?: string | null;
  hasUnpublishedChanges?: boolean;
  figures?: Record<string, unknown>;
  threads?: Array<{ contributionId: string; excerpt: string; authorName: string; constituency: string; replies: number; repliers: number }>;
  themes?: Theme[];
  keyPoints: KeyPoint[];
  /** Whether French and Spanish contributions were read through the translation engine for the themes. */
  translation?: { status: 'complete' | 'unavailable' | 'not_needed'; provider: string; untranslated: string[]; error: string | null } | null;
}
export interface SummaryItem {
  id: string;
  key: string;
  kind: string;
  label: string | null;
  text: string | null;
  phrased?: string | null;
  sourceText?: string | null;
  /** The wording in the language asked for. */
  statement?: string | null;
  /** The wording is a machine translation nobody reviewed. */
  machineTranslated?: boolean;
  display?: string | null;
  constituencies: string[];
  contributions: number;
  participants: number;
  sources: string[];
  quotes: Quote[];
  edited: boolean;
}
export const SUMMARY_LISTS = ['keyEmphases', 'convergence', 'priorities', 'gaps'] as const;
export type SummaryList = (typeof SUMMARY_LISTS)[number];
export interface SummarySections {
  introduction: string | null;
  participationText: string | null;
  /** The rapporteur's sentence on the regions participants came from; null shows the generated one. */
  regionsText?: string | null;
  keyEmphases: SummaryItem[];
  convergence: SummaryItem[];
  priorities: SummaryItem[];
  gaps: SummaryItem[];
}
export interface Stocktaking {
  id: string;
  roundtableId: string;
  status: string;
  periodStart?: string;
  periodEnd?: string;
  version?: number;
  publishedVersion?: number | null;
  publishedAt?: string | null;
  lang?: Lang;
  /** The machine translation of the free text into `lang` (null in the language it was written in); `official` once a rapporteur reviewed it. */
  translation?: { status: string; provider: string | null; review?: 'reviewed' | 'accepted' | null; official?: boolean } | null;
  sections: SummarySections;
  participation?: { participants?: number; contributions?: number; sentence?: string; moderatorsSentence?: string; regionsSentence?: string | null; questionSentences?: string[] };
  participationSentence?: string;
  annex?: { constituencies: string[]; rows: Array<{ spaceId: string; number: number; counts: Record<string, number>; moderators: number; total: number }>; totals?: { counts: Record<string, number>; moderators: number; total: number } };
  warnings?: string[];
}

export type Invitation = components['schemas']['InvitationDto'];
export type InvitationPage = components['schemas']['InvitationPageDto'];
export type InviteResult = components['schemas']['InviteResultDto'];
export type InvitationPreview = components['schemas']['InvitationPreviewDto'];
export type AcceptedInvitation = components['schemas']['AcceptedInvitationDto'];
export type InvitationStatus = Invitation['status'];
export type Notification = components['schemas']['NotificationDto'];
export type NotificationPage = components['schemas']['NotificationPageDto'];
