import { Injectable } from '@nestjs/common';
import type { JsonBody, Language } from '@roundtable/core';
import { Principal, RequestAccess } from '@roundtable/identity';
import { EditContribution } from './actions/edit-contribution';
import { ImportContribution, ImportedFacts } from './actions/import-contribution';
import { PostContribution } from './actions/post-contribution';
import { RemoveContribution } from './actions/remove-contribution';
import {
  ContributionDto,
  ContributionPageDto,
  CreateContributionDto,
  EditDto,
  ListContributionsQueryDto,
} from './contribution.dto';
import { ContributionReader } from './contribution-reader';

export type { ImportedFacts } from './actions/import-contribution';
export { viewerOf } from './thread-rules';

/**
 * What controllers and other libs call for contributions. Each action is a file of its
 * own under `actions/` (post, edit, remove, import), read top to bottom as its steps;
 * reading (pages, one contribution, its history) is `ContributionReader`.
 */
@Injectable()
export class ContributionsService {
  constructor(
    private readonly reader: ContributionReader,
    private readonly posting: PostContribution,
    private readonly editing: EditContribution,
    private readonly removing: RemoveContribution,
    private readonly importing: ImportContribution,
  ) {}

  post(access: RequestAccess, input: CreateContributionDto): Promise<ContributionDto> {
    return this.posting.run(access, input);
  }

  edit(access: RequestAccess, id: string, body: string): Promise<ContributionDto> {
    return this.editing.run(access, id, body);
  }

  remove(access: RequestAccess, id: string): Promise<ContributionDto> {
    return this.removing.run(access, id);
  }

  importOne(
    spaceId: string,
    author: Principal & { isModerator: boolean },
    input: { body: string; language: Language | null; parentId: string | null },
    facts: ImportedFacts,
  ): Promise<{ id: string; created: boolean }> {
    return this.importing.run(spaceId, author, input, facts);
  }

  listBody(access: RequestAccess, query: ListContributionsQueryDto): Promise<JsonBody> {
    return this.reader.listBody(access, query);
  }

  list(access: RequestAccess, query: ListContributionsQueryDto): Promise<ContributionPageDto> {
    return this.reader.list(access, query);
  }

  get(access: RequestAccess, id: string, lang?: Language): Promise<ContributionDto> {
    return this.reader.get(access, id, lang);
  }

  history(access: RequestAccess, id: string): Promise<EditDto[]> {
    return this.reader.history(access, id);
  }
}
