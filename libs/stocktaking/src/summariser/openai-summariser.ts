import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@roundtable/core';
import { acceptableRewording, DraftStatement, Summariser } from './summariser';

const INSTRUCTIONS = [
  'You edit the statements of a stocktaking summary of a moderated multilingual consultation.',
  'Reword each statement so it reads like a rapporteur wrote it: plain, neutral, one or two sentences.',
  'Keep its meaning. Never add, change or remove a number, a constituency or a claim; add no facts.',
  'Answer with JSON only: {"statements":[{"id":"…","text":"…"}]} with the same ids.',
].join(' ');

/**
 * Rewords the extractive draft through an OpenAI-compatible chat completions endpoint
 * (`SUMMARISER_URL`, `SUMMARISER_MODEL`, `SUMMARISER_API_KEY`). Only the statements'
 * wording is sent, and a rewording that brings a number of its own is dropped; when the
 * endpoint fails the extractive wording stays, so compiling never depends on it.
 */
@Injectable()
export class OpenAiSummariser implements Summariser {
  readonly name = 'openai';
  private readonly logger = new Logger(OpenAiSummariser.name);

  constructor(private readonly config: AppConfig) {}

  async rephrase(statements: DraftStatement[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    if (statements.length === 0) return out;
    try {
      const res = await fetch(`${this.config.SUMMARISER_URL!.replace(/\/+$/, '')}/chat/completions`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(this.config.SUMMARISER_API_KEY ? { authorization: `Bearer ${this.config.SUMMARISER_API_KEY}` } : {}),
        },
        body: JSON.stringify({
          model: this.config.SUMMARISER_MODEL,
          temperature: 0.2,
          response_format: { type: 'json_object' },
          messages: [
            { role: 'system', content: INSTRUCTIONS },
            { role: 'user', content: JSON.stringify({ statements }) },
          ],
        }),
        signal: AbortSignal.timeout(this.config.SUMMARISER_TIMEOUT_MS),
      });
      if (!res.ok) throw new Error(`HTTP ${res.status}: ${(await res.text()).slice(0, 200)}`);
      const reply = (await res.json()) as { choices?: Array<{ message?: { content?: string } }> };
      const content = reply.choices?.[0]?.message?.content ?? '';
      const parsed = JSON.parse(content.replace(/^```(?:json)?\s*|\s*```$/g, '')) as {
        statements?: Array<{ id?: unknown; text?: unknown }>;
      };
      const originals = new Map(statements.map((s) => [s.id, s.text]));
      let refused = 0;
      for (const s of parsed.statements ?? []) {
        if (typeof s.id !== 'string' || typeof s.text !== 'string' || !originals.has(s.id)) continue;
        if (acceptableRewording(originals.get(s.id)!, s.text)) out.set(s.id, s.text.trim());
        else refused += 1;
      }
      if (refused) this.logger.warn(`summariser: ${refused} rewording(s) refused (a number of their own, or empty)`);
    } catch (err) {
      this.logger.warn(`summariser unavailable, the extractive wording stays: ${(err as Error).message}`);
    }
    return out;
  }
}
