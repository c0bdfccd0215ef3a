import { Module } from '@nestjs/common';
import { MemberNotices } from './sanctions/member-notices';

/** Moderation without transport (like digests-core and stocktaking-core): the notices members read, database only, no live gateway. */
@Module({ providers: [MemberNotices], exports: [MemberNotices] })
export class ModerationCoreModule {}
