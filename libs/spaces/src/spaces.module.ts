import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountErasure, IdentityModule } from '@roundtable/identity';
import { ConsultationEntity } from './consultations/consultation.entity';
import { ConsultationsController } from './consultations/consultations.controller';
import { ConsultationsService } from './consultations/consultations.service';
import { ConsultationActivity } from './consultations/consultation-activity';
import { ConsultationFiguresService } from './figures/consultation-figures.service';
import { RoundtableRoleEntity } from './roundtables/roundtable-role.entity';
import { RoundtableRolesRepository } from './roundtables/roundtable-roles.repository';
import { RoundtableEntity } from './roundtables/roundtable.entity';
import { RoundtablesController } from './roundtables/roundtables.controller';
import { RoundtablesService } from './roundtables/roundtables.service';
import { MemberDirectory } from './members/member-directory';
import { SpaceMembersController } from './members/members.controller';
import { MembershipEntity } from './spaces/membership.entity';
import { MembershipsRepository } from './spaces/memberships.repository';
import { SpacePromptsRepository } from './spaces/space-prompts.repository';
import { SpaceEntity } from './spaces/space.entity';
import { SpacesController } from './spaces/spaces.controller';
import { SpacesService } from './spaces/spaces.service';

/** Consultations → roundtables → questions (discussion spaces), membership and roles. */
@Module({
  imports: [
    IdentityModule,
    TypeOrmModule.forFeature([
      ConsultationEntity,
      RoundtableEntity,
      RoundtableRoleEntity,
      SpaceEntity,
      MembershipEntity,
    ]),
  ],
  controllers: [ConsultationsController, RoundtablesController, SpacesController, SpaceMembersController],
  providers: [
    ConsultationsService,
    ConsultationActivity,
    ConsultationFiguresService,
    RoundtablesService,
    SpacesService,
    MemberDirectory,
    MembershipsRepository,
    RoundtableRolesRepository,
    SpacePromptsRepository,
  ],
  exports: [
    ConsultationsService,
    RoundtablesService,
    SpacesService,
    MembershipsRepository,
    RoundtableRolesRepository,
    SpacePromptsRepository,
  ],
})
export class SpacesModule implements OnModuleInit {
  constructor(
    private readonly erasure: AccountErasure,
    private readonly memberships: MembershipsRepository,
    private readonly roles: RoundtableRolesRepository,
  ) {}

  /** A deleted account's memberships and roundtable roles end in the deletion's transaction. */
  onModuleInit(): void {
    this.erasure.register('spaces', async (manager, userId) => {
      await this.memberships.eraseAccount(manager, userId);
      await this.roles.eraseAccount(manager, userId);
    });
  }
}
