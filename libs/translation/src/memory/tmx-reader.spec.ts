import { readTmx, TmxError } from './tmx-reader';

const tmx = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header srclang="en" datatype="plaintext" segtype="sentence" adminlang="en" creationtool="test" creationtoolversion="1" o-tmf="none"/>
  <body>
${body}
  </body>
</tmx>`;

describe('readTmx', () => {
  it('reads every ordered pair of the English, French and Spanish variants of a unit, by primary language subtag', () => {
    const content = readTmx(
      tmx(`<tu><tuv xml:lang="en-GB"><seg>Birth certificates open every door.</seg></tuv>
      <tuv xml:lang="fr-CA"><seg>L'acte de naissance ouvre toutes les portes.</seg></tuv>
      <tuv xml:lang="es"><seg>La partida de nacimiento abre todas las puertas.</seg></tuv>
      <tuv xml:lang="de"><seg>Geburtsurkunden öffnen jede Tür.</seg></tuv></tu>`),
    );
    expect(content.units).toBe(1);
    expect(content.skippedLanguages).toEqual(['de']);
    expect(content.pairs.map((p) => `${p.from}-${p.to}`).sort()).toEqual([
      'en-es',
      'en-fr',
      'es-en',
      'es-fr',
      'fr-en',
      'fr-es',
    ]);
    expect(content.pairs.find((p) => p.from === 'fr' && p.to === 'es')).toEqual({
      from: 'fr',
      to: 'es',
      source: "L'acte de naissance ouvre toutes les portes.",
      target: 'La partida de nacimiento abre todas las puertas.',
    });
  });

  it('drops inline codes, keeps highlighted text and decodes entities', () => {
    const [pair] = readTmx(
      tmx(
        `<tu><tuv xml:lang="en"><seg>Read <bpt i="1">&lt;b&gt;</bpt>the <hi>report</hi><ept i="1">&lt;/b&gt;</ept> &amp; reply<ph x="2"/>.</seg></tuv><tuv xml:lang="es"><seg>Lea el informe y responda.</seg></tuv></tu>`,
      ),
    ).pairs;
    expect(pair.source).toBe('Read the report & reply.');
  });

  it('refuses XML that is not well-formed, naming the line', () => {
    const broken = tmx(`<tu><tuv xml:lang="en"><seg>One</seg></tuv>
<tuv xml:lang="fr"><seg>Un</seg></tu>`);
    expect(() => readTmx(broken)).toThrow(TmxError);
    try {
      readTmx(broken);
    } catch (err) {
      expect((err as TmxError).line).toBe(6);
      expect((err as Error).message).toMatch(/^TMX line 6: not well-formed XML/);
    }
  });

  it('refuses a document that is not TMX and a variant without a language, naming the line', () => {
    expect(() => readTmx('<?xml version="1.0"?>\n<html><body/></html>')).toThrow(
      /line 2: the root element must be <tmx>/,
    );
    expect(() =>
      readTmx(
        tmx(
          `<tu><tuv xml:lang="en"><seg>One</seg></tuv></tu>\n<tu><tuv><seg>Deux</seg></tuv><tuv xml:lang="es"><seg>Dos</seg></tuv></tu>`,
        ),
      ),
    ).toThrow(/^TMX line 6: a <tuv> has no xml:lang/);
  });
});
