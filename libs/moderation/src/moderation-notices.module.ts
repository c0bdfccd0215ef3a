import { Module } from '@nestjs/common';
import { MemberNotices } from './sanctions/member-notices';

/** Moderation notices for members (digests, the worker): database only, no live gateway. */
@Module({ providers: [MemberNotices], exports: [MemberNotices] })
export class ModerationNoticesModule {}
