import type Handlebars from 'handlebars';
import type { Language } from '@roundtable/core';
import { catalogueGaps, Catalogues, translate } from './catalogue';

/** A template as written: MJML (HTML part), plain text and subject, all Handlebars, plus its wording in EN/FR/ES. */
export interface MailTemplateSource {
  name: string;
  subject: string;
  mjml: string;
  text: string;
  catalogues: Catalogues;
  /** Handlebars partials (`{{> name}}`): HTML ones are used inside `mj-text`/`mj-raw`, text ones in the plain part. */
  partials?: { html?: Record<string, string>; text?: Record<string, string> };
}

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
}

/**
 * A compiled email template. MJML is turned into responsive, inlined HTML once, at
 * compile time (it takes tens of milliseconds); each email is then one Handlebars pass,
 * a fraction of a millisecond. `{{t "key" name=value}}` inserts catalogue text in the
 * data's `lang`; the HTML part escapes every value, the text part none.
 */
export class MailTemplate {
  private constructor(
    readonly name: string,
    private readonly subject: HandlebarsTemplateDelegate,
    private readonly html: HandlebarsTemplateDelegate,
    private readonly text: HandlebarsTemplateDelegate,
  ) {}

  static async compile(source: MailTemplateSource): Promise<MailTemplate> {
    const gaps = catalogueGaps(source.catalogues);
    if (gaps.length) throw new Error(`template ${source.name}: catalogues differ: ${gaps.join('; ')}`);
    // MJML weighs ~60 MB of a process's memory: loaded by the first template compiled (in the
    // worker, which sends the emails), never by an api process that only imports this library
    const { default: mjml2html } = await import('mjml');
    const result = await mjml2html(source.mjml, { validationLevel: 'strict', keepComments: false });
    if (result.errors.length) {
      throw new Error(
        `template ${source.name}: invalid MJML: ${result.errors.map((e) => e.formattedMessage).join('; ')}`,
      );
    }
    // loaded here too: an api process that never sends an email never parses Handlebars' compiler
    const { default: handlebars } = await import('handlebars');
    const html = environment(handlebars, source, source.partials?.html);
    const text = environment(handlebars, source, source.partials?.text);
    const strict = { strict: true } as const;
    return new MailTemplate(
      source.name,
      text.compile(source.subject, { ...strict, noEscape: true }),
      // indentation dropped once here (a newline still separates what it separated, and
      // renders the same): every email is smaller to build, send and store. (MJML's own
      // minifier loads its plugins with dynamic import(), which test runners refuse.)
      html.compile(result.html.replace(/\n[ \t]+/g, '\n').replace(/\n{2,}/g, '\n'), strict),
      text.compile(source.text, { ...strict, noEscape: true }),
    );
  }

  render(data: { lang: Language } & object): RenderedMail {
    return {
      subject: this.subject(data).replace(/\s+/g, ' ').trim(),
      html: this.html(data),
      text:
        this.text(data)
          .replace(/\n{3,}/g, '\n\n')
          .trim() + '\n',
    };
  }
}

/** A Handlebars of its own (helpers and partials never leak between templates) with the `t` helper. */
function environment(
  handlebars: typeof Handlebars,
  source: MailTemplateSource,
  partials: Record<string, string> = {},
): typeof Handlebars {
  const hbs = handlebars.create();
  hbs.registerHelper('t', function (this: unknown, key: string, options: Handlebars.HelperOptions) {
    return translate(source.catalogues, options.data.root.lang as Language, key, options.hash);
  });
  for (const [name, partial] of Object.entries(partials)) hbs.registerPartial(name, partial);
  return hbs;
}
