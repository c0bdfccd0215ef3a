import type { components } from './schema';

/**
 * The shapes the pages work with, named for them: the generated schema's (`schema.d.ts`,
 * from the api's OpenAPI document), narrowed only where the document cannot say more.
 */
export type Lang = 'en' | 'fr' | 'es';
export const LANGS: Lang[] = ['en', 'fr', 'es'];
export type Multilingual = Partial<Record<Lang, string>>;
export type Constituency = components['schemas']['RegisterDto']['constituency'];
export const CONSTITUENCIES: Constituency[] = [
  'state',
  'civil_society',
  'business',
  'local_government',
  'international_organisation',
  'youth',
  'academia',
  'other',
];

export type Contribution = Omit<components['schemas']['ContributionDto'], 'translations' | 'author'> & {
  author: components['schemas']['ContributionAuthorDto'] & { organisation: string | null; country: string | null };
  translations: Partial<Record<Lang, { text: string; status: string; provider: string; machine?: boolean }>>;
};
export type ContributionPage = Omit<components['schemas']['ContributionPageDto'], 'items'> & { items: Contribution[] };

export type User = components['schemas']['UserDto'];
export type AuthResult = components['schemas']['AuthResponseDto'];
export type Consultation = components['schemas']['ConsultationDto'];
export type ConsultationList = components['schemas']['ConsultationListDto'];
export type Role = 'participant' | 'moderator' | 'rapporteur' | null;
export type Roundtable = components['schemas']['RoundtableDto'];
export type Space = components['schemas']['SpaceDto'];
/** An event of a space; its payload's fields depend on `type` (see API.md). */
export type SpaceEvent = Omit<components['schemas']['SpaceEventDto'], 'payload'> & { payload: Record<string, any> };
export type FlagReason = 'spam' | 'off_topic' | 'abusive' | 'other';
export const FLAG_REASONS: FlagReason[] = ['spam', 'off_topic', 'abusive', 'other'];
/** A contribution waiting for a moderator: pending approval, or flagged by members. */
export type QueueItem = Omit<components['schemas']['QueueItemDto'], 'contribution'> & { contribution: Contribution };
export type QueuePage = Omit<components['schemas']['QueuePageDto'], 'items'> & { items: QueueItem[] };
export type AuditEntry = components['schemas']['AuditEntryDto'];
export type AuditPage = components['schemas']['AuditPageDto'];
export type Sanction = components['schemas']['SanctionDto'];
export type RunningSuspension = components['schemas']['RunningSuspensionDto'];
export type RunningSuspensionPage = components['schemas']['RunningSuspensionPageDto'];
export type MemberNotices = components['schemas']['MemberNoticesDto'];
export type ModeratedQuestion = components['schemas']['ModeratedQuestionDto'];
export type KeyPoint = components['schemas']['KeyPointDto'];
/** A key point as the editor holds it: a new one has no id, origin or theme yet. */
export type KeyPointDraft = components['schemas']['KeyPointEditDto'] & Partial<KeyPoint>;
export type Quote = components['schemas']['QuoteDto'];
export type Theme = components['schemas']['ThemeDto'];
export type Digest = components['schemas']['DigestDto'];
export type DigestList = components['schemas']['DigestListDto'];
export type SummaryItem = components['schemas']['SummaryItemDto'];
export type SummarySections = components['schemas']['SummarySectionsDto'];
export const SUMMARY_LISTS = ['keyEmphases', 'convergence', 'priorities', 'gaps'] as const satisfies ReadonlyArray<
  keyof SummarySections
>;
export type SummaryList = (typeof SUMMARY_LISTS)[number];
export type Stocktaking = components['schemas']['SummaryDto'];
export type StocktakingList = components['schemas']['SummaryListDto'];
export type ConsultationStocktaking = components['schemas']['ConsultationSynthesisDto'];

export type Invitation = components['schemas']['InvitationDto'];
export type InvitationPage = components['schemas']['InvitationPageDto'];
export type InviteResult = components['schemas']['InviteResultDto'];
export type InvitationPreview = components['schemas']['InvitationPreviewDto'];
export type AcceptedInvitation = components['schemas']['AcceptedInvitationDto'];
export type InvitationStatus = Invitation['status'];
export type Notification = components['schemas']['NotificationDto'];
export type NotificationPage = components['schemas']['NotificationPageDto'];
