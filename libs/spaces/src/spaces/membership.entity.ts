import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { SpaceRole } from '@roundtable/identity';

@Entity('memberships')
export class MembershipEntity {
  @PrimaryColumn({ name: 'space_id', type: 'uuid' }) spaceId: string;
  @PrimaryColumn({ name: 'user_id', type: 'uuid' }) userId: string;
  @Column({ type: 'text', default: 'participant' }) role: SpaceRole;
  @CreateDateColumn({ name: 'joined_at', type: 'timestamptz' }) joinedAt: Date;
}
