import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { queryPrepared } from '../shared/prepared-statements';
import { DIGEST_CONTENT_SQL, DigestContentRow } from './digest-content.query';

/** Contributions shown per question; the email links to the rest. */
export const ITEMS_PER_QUESTION = 8;

/** Reads what one member's digest contains for a window (one statement, see {@link DIGEST_CONTENT_SQL}). */
@Injectable()
export class DigestContentLoader {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async load(userId: string, consultationId: string, start: Date, end: Date): Promise<DigestContentRow> {
    const [row] = await queryPrepared<DigestContentRow>(this.db, 'member-digest-content', DIGEST_CONTENT_SQL, [
      userId,
      consultationId,
      start,
      end,
      ITEMS_PER_QUESTION,
    ]);
    return row;
  }
}
