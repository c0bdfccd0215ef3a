import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Multilingual, PromptTranslations } from '@roundtable/core';
import type { SpaceStatus } from './space-status';

@Entity('spaces')
export class SpaceEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'roundtable_id', type: 'uuid' }) roundtableId: string;
  @Column({ type: 'int' }) number: number;
  @Column({ type: 'jsonb' }) prompt: Multilingual;
  /** Machine translations of the languages the prompt lacks (written by the translation worker). */
  @Column({ name: 'prompt_translations', type: 'jsonb', default: {} }) promptTranslations: PromptTranslations;
  @Column({ type: 'text', default: 'post' }) moderation: 'pre' | 'post';
  @Column({ type: 'text', default: 'open' }) status: SpaceStatus;
  @Column({ name: 'opens_at', type: 'timestamptz', nullable: true }) opensAt: Date | null;
  @Column({ name: 'closes_at', type: 'timestamptz', nullable: true }) closesAt: Date | null;
  /** Seq of the space's latest event; raised in the same statement that writes the event. */
  @Column({ name: 'last_seq', type: 'bigint', default: 0, transformer: { to: (v) => v, from: (v) => Number(v) } })
  lastSeq: number;
  @Column({ name: 'external_ref', type: 'text', nullable: true }) externalRef: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
