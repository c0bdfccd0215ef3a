import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('roundtable_roles')
export class RoundtableRoleEntity {
  @PrimaryColumn({ name: 'roundtable_id', type: 'uuid' }) roundtableId: string;
  @PrimaryColumn({ name: 'user_id', type: 'uuid' }) userId: string;
  @Column({ type: 'text' }) role: 'moderator' | 'rapporteur';
}
