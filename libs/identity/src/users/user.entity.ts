import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Constituency, Language } from '@roundtable/core';

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text', nullable: true }) email: string | null;
  @Column({ name: 'password_hash', type: 'text', nullable: true }) passwordHash: string | null;
  @Column({ name: 'display_name' }) displayName: string;
  @Column({ type: 'text', nullable: true }) organisation: string | null;
  @Column({ type: 'text' }) constituency: Constituency;
  @Column({ type: 'text', nullable: true }) country: string | null;
  @Column({ name: 'preferred_language', type: 'text' }) preferredLanguage: Language;
  @Column({ name: 'is_organiser', default: false }) isOrganiser: boolean;
  @Column({ type: 'text', default: 'weekly' }) digest: 'weekly' | 'off';
  /** Consecutive permanent failures of digest emails (member-digests); reset by a delivered one. */
  @Column({ name: 'digest_bounces', type: 'int', default: 0 }) digestBounces: number;
  /** Set after 3 consecutive bounces: no digest until the member turns it on again. */
  @Column({ name: 'digest_paused_at', type: 'timestamptz', nullable: true }) digestPausedAt: Date | null;
  @Column({ name: 'email_verified_at', type: 'timestamptz', nullable: true }) emailVerifiedAt: Date | null;
  /** Set when an organiser (or the invitation the member accepted) confirmed their organisation and constituency. */
  @Column({ name: 'affiliation_verified_at', type: 'timestamptz', nullable: true }) affiliationVerifiedAt: Date | null;
  @Column({ name: 'affiliation_verified_by', type: 'uuid', nullable: true }) affiliationVerifiedBy: string | null;
  @Column({ name: 'totp_secret', type: 'text', nullable: true }) totpSecret: string | null;
  @Column({ name: 'totp_enabled_at', type: 'timestamptz', nullable: true }) totpEnabledAt: Date | null;
  @Column({ name: 'external_ref', type: 'text', nullable: true }) externalRef: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
