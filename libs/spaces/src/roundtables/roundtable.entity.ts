import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Multilingual } from '@roundtable/core';

@Entity('roundtables')
export class RoundtableEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'consultation_id', type: 'uuid' }) consultationId: string;
  @Column({ type: 'int' }) number: number;
  @Column({ type: 'jsonb' }) title: Multilingual;
  @Column({ type: 'jsonb', default: [] }) objectives: string[];
  /** The objectives in English, French and Spanish, one entry per objective (migration 1732300004000). */
  @Column({ name: 'objective_translations', type: 'jsonb', default: [] }) objectiveTranslations: Multilingual[];
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
