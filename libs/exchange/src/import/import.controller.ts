import { Body, Controller, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '@roundtable/identity';
import { ImportDiscussionDto, ImportResultDto } from './discussion.dto';
import { ImportService } from './import.service';

@ApiTags('import and export')
@Controller('roundtables')
export class ImportController {
  constructor(private readonly imports: ImportService) {}

  @Post(':id/import')
  @Access('organiser')
  @ApiOperation({
    summary: 'Import a discussion (spaces, placeholder members, threads with their dates) into this roundtable',
    description:
      'The body has the shape of the Migration Network Hub data (spaces with number, prompt and contributions) or of a JSON export. ' +
      'Spaces are matched by number; authors become placeholder accounts without login; importing the same file again creates nothing. ' +
      'Files over the request body limit can be imported with the CLI (`npm run cli -- import <file> --roundtable <id>`).',
  })
  @ApiCreatedResponse({
    type: ImportResultDto,
    description: 'Counts of what was created (all 0 when nothing was new), and the space ids',
  })
  @ApiBadRequestResponse({ description: 'The file does not have the expected shape (the message says where)' })
  importDiscussion(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ImportDiscussionDto,
  ): Promise<ImportResultDto> {
    return this.imports.importDiscussion(id, body);
  }
}
