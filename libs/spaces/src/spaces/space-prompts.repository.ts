import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Language, PromptTranslation } from '@roundtable/core';

/**
 * Machine translations of a question's prompt, kept on the space row apart from the
 * organiser's text (`spaces.prompt_translations`). The translation worker computes them;
 * this lib, which owns `spaces`, stores them.
 */
@Injectable()
export class SpacePromptsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Stores the translation into `target` only while the organiser's text in `from` is still
   * `source` and the organiser has not written the prompt in `target` meanwhile. Returns
   * whether it was stored.
   */
  async storeMachineTranslation(
    spaceId: string,
    target: Language,
    translation: PromptTranslation,
    from: Language,
    source: string,
  ): Promise<boolean> {
    const [, updated] = await this.db.query(
      `UPDATE spaces SET prompt_translations = prompt_translations || jsonb_build_object($2::text, $3::jsonb)
       WHERE id = $1 AND prompt->>$4 = $5 AND NOT (prompt ? $2)`,
      [spaceId, target, JSON.stringify(translation), from, source],
    );
    return updated > 0;
  }
}
