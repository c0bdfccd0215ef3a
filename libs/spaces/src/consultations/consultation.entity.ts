import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Multilingual } from '@roundtable/core';

@Entity('consultations')
export class ConsultationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'jsonb' }) title: Multilingual;
  @Column({ type: 'jsonb', default: {} }) description: Multilingual;
  @Column() timezone: string;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
