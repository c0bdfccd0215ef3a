import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Access } from '@roundtable/identity';
import { CreateGlossaryTermDto, GlossaryTermDto, UpdateGlossaryTermDto } from './glossary-term.dto';
import { GlossaryService } from './glossary.service';

@ApiTags('translation')
@Controller('glossary')
export class GlossaryController {
  constructor(private readonly glossary: GlossaryService) {}

  @Get()
  @Access('signed-in')
  @ApiOperation({ summary: 'The domain glossary every machine translation follows' })
  @ApiOkResponse({ type: [GlossaryTermDto] })
  list(): Promise<GlossaryTermDto[]> {
    return this.glossary.list();
  }

  @Post()
  @Access('organiser')
  @ApiOperation({ summary: 'Add a term in English, French and Spanish (applies to the next translations)' })
  @ApiConflictResponse({ description: 'One of the three terms is already in the glossary' })
  @ApiCreatedResponse({ type: GlossaryTermDto })
  create(@Body() body: CreateGlossaryTermDto): Promise<GlossaryTermDto> {
    return this.glossary.create(body);
  }

  @Patch(':id')
  @Access('organiser')
  @ApiOperation({ summary: 'Change a glossary term' })
  @ApiOkResponse({ type: GlossaryTermDto })
  update(@Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateGlossaryTermDto): Promise<GlossaryTermDto> {
    return this.glossary.update(id, body);
  }

  @Delete(':id')
  @Access('organiser')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiOperation({ summary: 'Remove a glossary term' })
  remove(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.glossary.remove(id);
  }
}
