import { segmentText } from './segment';
import { assemble, planSentences, planText } from './text-plan';
import { protect } from './protect';

const kept = (value: string) =>
  protect(value)
    .filter((p) => p.kind === 'keep')
    .map((p) => p.text);

describe('protect', () => {
  it('keeps URLs, e-mail addresses, mentions, hashtags, numbers and acronyms, without the punctuation after them', () => {
    expect(kept('See https://example.org/a_b?x=1, write to ana.diaz@example.org or @maria_l about #GCM2030.')).toEqual([
      'https://example.org/a_b?x=1',
      'ana.diaz@example.org',
      '@maria_l',
      '#GCM2030',
    ]);
    expect(kept('In 2021, 1,234.5 people (12 %) and 3.000 migrants; IOM and NGOs met at 10:30.')).toEqual([
      '2021',
      '1,234.5',
      '12 %',
      '3.000',
      'IOM',
      'NGOs',
      '10:30',
    ]);
  });

  it('translates the label of a Markdown link but keeps its target, and keeps inline code and emphasis markers', () => {
    const parts = protect(
      'Read [the full report](https://example.org/r.pdf "title") and `npm start`, it is **important**.',
    );
    expect(parts.map((p) => [p.kind, p.text])).toEqual([
      ['text', 'Read '],
      ['keep', '['],
      ['text', 'the full report'],
      ['keep', '](https://example.org/r.pdf "title")'],
      ['text', ' and '],
      ['keep', '`npm start`'],
      ['text', ', it is '],
      ['keep', '**'],
      ['text', 'important'],
      ['keep', '**'],
      ['text', '.'],
    ]);
  });

  it('leaves words that merely contain digits or capitals, snake_case and shouting as prose', () => {
    expect(kept('The G20 and snake_case words, 2 * 3')).toEqual(['2', '3']);
    expect(kept('WE NEED SAFE AND REGULAR PATHWAYS NOW')).toEqual([]);
  });
});

describe('planText', () => {
  it('keeps line structure, Markdown prefixes, code blocks and blank lines out of the segments', () => {
    const body =
      '## Priorities\n\n- Regular pathways for migrants\n1. Data\n\n```\nconst x = 1;\n```\n> Quoted text here\n';
    const plan = planText(body);
    expect(plan.segments.map(segmentText)).toEqual([
      'Priorities',
      'Regular pathways for migrants',
      'Data',
      'Quoted text here',
    ]);
    expect(assemble(plan, plan.segments.map(segmentText))).toBe(body);
    expect(
      assemble(
        plan,
        plan.segments.map((s) => segmentText(s).toUpperCase()),
      ),
    ).toBe('## PRIORITIES\n\n- REGULAR PATHWAYS FOR MIGRANTS\n1. DATA\n\n```\nconst x = 1;\n```\n> QUOTED TEXT HERE\n');
  });

  it('cuts a long paragraph on sentence boundaries into pieces no longer than the limit', () => {
    const sentence = 'Local authorities need predictable funding for integration services. ';
    const body = sentence.repeat(30).trim();
    const plan = planText(body, 300);
    expect(plan.segments.length).toBeGreaterThan(5);
    for (const s of plan.segments) {
      expect(segmentText(s).length).toBeLessThanOrEqual(300);
      expect(segmentText(s)).toMatch(/^Local.*\.$/);
    }
    expect(assemble(plan, plan.segments.map(segmentText))).toBe(body);
  });

  it('cuts a sentence longer than the limit at spaces', () => {
    const body = 'word '.repeat(200).trim();
    const plan = planText(body, 250);
    expect(plan.segments.every((s) => segmentText(s).length <= 250)).toBe(true);
    expect(assemble(plan, plan.segments.map(segmentText))).toBe(body);
  });

  it('has nothing to translate in a text without words', () => {
    expect(planText('https://example.org 2030').segments).toEqual([]);
  });
});

describe('planSentences', () => {
  it('cuts every segment into its sentences, keeping the gaps and what is kept', () => {
    const plan = planSentences(planText('- First point. Second **point** here.\n\nSee https://example.org/a. Thanks!'));
    expect(plan.segments.map(segmentText)).toEqual([
      'First point.',
      'Second **point** here.',
      'See https://example.org/a.',
      'Thanks!',
    ]);
    expect(assemble(plan, ['A.', 'B.', 'C.', 'D!'])).toBe('- A. B.\n\nC. D!');
  });
});
