import { Controller, Get, Header, Param, ParseUUIDPipe, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Access, canModerate, CurrentAccess, RequestAccess } from '@roundtable/identity';
import { ExportQueryDto } from './export-query.dto';
import { ExportService } from './export.service';

@ApiTags('import and export')
@Controller('spaces')
export class ExportController {
  constructor(private readonly exports: ExportService) {}

  @Get(':id/export')
  @Access('staff', 'space')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary:
      "Download all of a space's contributions (JSON or CSV), with author, constituency, parent, status and translations",
    description:
      'Streams every contribution in created order. Deleted text is left out; hidden, pending and rejected text only for moderators and organisers. ' +
      'The JSON is the import format of POST /roundtables/{id}/import, so it can be imported again. CSV cells that a spreadsheet would read as a formula are prefixed with a single quote.',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ description: 'The file, as an attachment' })
  async export(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: ExportQueryDto,
    @CurrentAccess() access: RequestAccess,
  ): Promise<StreamableFile> {
    const file = await this.exports.export(id, query.format ?? 'json', { withModeratedText: canModerate(access) });
    return new StreamableFile(file.stream, {
      type: file.contentType,
      disposition: `attachment; filename="${file.fileName}"`,
    });
  }
}
