import { LanguageDetector } from './language-detector';

describe('language detection (eld, restricted to en/fr/es)', () => {
  const detector = new LanguageDetector();

  it.each([
    ['Regular pathways for migrants must be expanded by Member States.', 'en'],
    ['Les autorités locales ont besoin de financements prévisibles pour intégrer les migrants.', 'fr'],
    ['Las autoridades locales necesitan financiación previsible para la integración.', 'es'],
  ])('detects %s as %s with a confidence', async (body, language) => {
    const result = await detector.detect(body, 'en');
    expect(result).toEqual({ language, source: 'detected', confidence: expect.any(Number) });
    expect(result.confidence).toBeGreaterThan(0.5);
  });

  it("falls back to the author's preferred language when the text is too short or says nothing", async () => {
    expect(await detector.detect('Merci !', 'es')).toEqual({ language: 'es', source: 'fallback', confidence: null });
    expect(await detector.detect('https://example.org/some/long/path @someone 2030', 'fr')).toMatchObject({
      language: 'fr',
      source: 'fallback',
    });
  });

  it('ignores URLs, code and Markdown around the prose', async () => {
    const body =
      '**Important**: see https://example.org/en/report and `config.yaml` — les migrants doivent avoir accès aux services de santé.';
    expect((await detector.detect(body, 'en')).language).toBe('fr');
  });
});
