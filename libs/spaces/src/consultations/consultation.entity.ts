import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Multilingual } from '@roundtable/core';

@Entity('consultations')
export class ConsultationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'jsonb' }) title: Multilingual;
  @Column({ type: 'jsonb', default: {} }) description: Multilingual;
  @Column() timezone: string;
  /** Weekday (0 Sunday … 6 Saturday) of the members' digest in the timezone; null: the platform's DIGEST_DAY. */
  @Column({ name: 'digest_day', type: 'smallint', nullable: true }) digestDay: number | null;
  /** Hour (0–23) of the members' digest in the timezone; null: the platform's DIGEST_HOUR. */
  @Column({ name: 'digest_hour', type: 'smallint', nullable: true }) digestHour: number | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
