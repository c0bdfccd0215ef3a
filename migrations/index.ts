import { IdentityAndStructure1732300000000 } from './1732300000000-identity-and-structure';
import { ContributionsAndEvents1732300000001 } from './1732300000001-contributions-and-events';
import { Translation1732300000500 } from './1732300000500-translation';
import { Moderation1732300000600 } from './1732300000600-moderation';
import { MemberDigests1732300000700 } from './1732300000700-member-digests';
import { DigestsAndStocktaking1732300000800 } from './1732300000800-digests-and-stocktaking';
import { Invitations1732300000900 } from './1732300000900-invitations';
import { MemberDirectory1732300001000 } from './1732300001000-member-directory';
import { SuspensionLifting1732300001100 } from './1732300001100-suspension-lifting';
import { ConsultationSettings1732300001200 } from './1732300001200-consultation-settings';
import { AccountSecurity1732300001500 } from './1732300001500-account-security';
import { DomainGlossaryTerms1732300001700 } from './1732300001700-domain-glossary-terms';
import { SummaryTranslationReview1732300001701 } from './1732300001701-summary-translation-review';
import { HumanTranslationsAndMemory1732300001900 } from './1732300001900-human-translations-and-memory';
import { Notifications1732300003000 } from './1732300003000-notifications';
import { ObjectiveTranslationsAndActivity1732300004000 } from './1732300004000-objective-translations-and-activity';
import { SpaceEventHeads1732300007000 } from './1732300007000-space-event-heads';
import { DigestTranslations1732300008001 } from './1732300008001-digest-translations';
import { SpaceEventOutbox1732300009000 } from './1732300009000-space-event-outbox';
import { DigestLabelTranslations1732300009100 } from './1732300009100-digest-label-translations';

/** Every migration, in order. Listed explicitly so compiled and source runs see the same set. */
export const migrations = [
  IdentityAndStructure1732300000000,
  ContributionsAndEvents1732300000001,
  Translation1732300000500,
  Moderation1732300000600,
  MemberDigests1732300000700,
  DigestsAndStocktaking1732300000800,
  Invitations1732300000900,
  MemberDirectory1732300001000,
  SuspensionLifting1732300001100,
  ConsultationSettings1732300001200,
  AccountSecurity1732300001500,
  DomainGlossaryTerms1732300001700,
  SummaryTranslationReview1732300001701,
  HumanTranslationsAndMemory1732300001900,
  Notifications1732300003000,
  ObjectiveTranslationsAndActivity1732300004000,
  SpaceEventHeads1732300007000,
  DigestTranslations1732300008001,
  SpaceEventOutbox1732300009000,
  DigestLabelTranslations1732300009100,
];
