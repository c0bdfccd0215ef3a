import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { NotificationWriter } from '../delivery/notification-writer';
import { NotificationKind } from '../notices/notification-kind';

/** A moderation decision as the moderation log records it. */
export interface ModerationDecision {
  /** The moderation_log row: one notice per row, whatever retries happen. */
  logId: string;
  spaceId: string;
  /** null: the system decided (a contribution hidden by its flags). */
  actorId: string | null;
  action: string;
  contributionId?: string | null;
  subjectUserId?: string | null;
  reason?: string | null;
  details?: Record<string, unknown>;
}

/** Which decisions the member concerned is told about, and as what. */
const KIND_OF_ACTION: Record<string, NotificationKind> = {
  approve: 'approved',
  reject: 'rejected',
  hide: 'hidden',
  auto_hide: 'hidden',
  restore: 'restored',
  warn: 'warned',
  suspend: 'suspended',
  lift_suspension: 'suspension_lifted',
};

const EXCERPT_CHARS = 160;

/**
 * Turns a moderation decision into the notice of the member it concerns, written in the
 * decision's own transaction (the moderation log calls it for every entry). Pins, locks,
 * flags and a moderator's decisions on their own contributions tell nobody anything.
 */
@Injectable()
export class ModerationNotifications {
  constructor(private readonly writer: NotificationWriter) {}

  async record(manager: EntityManager, decision: ModerationDecision): Promise<void> {
    const kind = KIND_OF_ACTION[decision.action];
    const userId = decision.subjectUserId;
    if (!kind || !userId || userId === decision.actorId) return;
    const [place]: Array<{ place: string; time_zone: string; body: string | null }> = await manager.query(
      `SELECT r.number || '.' || s.number AS place, c.timezone AS time_zone,
              (SELECT left(body, ${EXCERPT_CHARS}) FROM contributions WHERE id = $2) AS body
       FROM spaces s JOIN roundtables r ON r.id = s.roundtable_id JOIN consultations c ON c.id = r.consultation_id
       WHERE s.id = $1`,
      [decision.spaceId, decision.contributionId ?? null],
    );
    const until = typeof decision.details?.until === 'string' ? decision.details.until : null;
    // a consultation-wide suspension is not about one question
    const wholeConsultation = decision.details?.scope === 'consultation';
    await this.writer.record(manager, [
      {
        userId,
        kind,
        spaceId: decision.spaceId,
        contributionId: decision.contributionId ?? null,
        sourceKey: `moderation-${decision.logId}`,
        details: {
          reason: decision.reason ?? null,
          automatic: decision.action === 'auto_hide' || undefined,
          until,
          timeZone: place?.time_zone,
          place: wholeConsultation ? undefined : place?.place,
          excerpt: place?.body ?? undefined,
        },
      },
    ]);
  }
}
