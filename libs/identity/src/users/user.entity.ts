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
  @Column({ name: 'external_ref', type: 'text', nullable: true }) externalRef: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
