import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VirtualColumn } from 'typeorm';
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
  /**
   * Seq of the space's latest event, read from its event log's head (`space_event_heads`,
   * written by the contributions lib with each append): 0 before the first event.
   */
  @VirtualColumn({
    type: 'bigint',
    query: (alias) => `SELECT coalesce((SELECT h.last_seq FROM space_event_heads h WHERE h.space_id = ${alias}.id), 0)`,
    transformer: { to: (v) => v, from: (v) => Number(v ?? 0) },
  })
  lastSeq: number;
  @Column({ name: 'external_ref', type: 'text', nullable: true }) externalRef: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
