import { Injectable } from '@nestjs/common';
import type { DraftStatement, Summariser } from './summariser';

/** The default: the extractive draft as the catalogue words it, offline and reproducible. */
@Injectable()
export class ExtractiveSummariser implements Summariser {
  readonly name = 'extractive';

  async rephrase(_statements: DraftStatement[]): Promise<Map<string, string>> {
    return new Map();
  }
}
