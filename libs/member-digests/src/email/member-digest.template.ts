import { MAIL_LINK_STYLE, mailLayout } from '@roundtable/mail';
import type { MailTemplateSource } from '@roundtable/mail';
import { EN } from './catalogue.en';
import { ES } from './catalogue.es';
import { FR } from './catalogue.fr';

const LINK = MAIL_LINK_STYLE;

/** One contribution in the HTML part (inside an `mj-text`, so plain HTML; every value is escaped). */
const ITEM_HTML = [
  '<div style="margin:0 0 16px 0">',
  '<div style="font-size:13px;color:#4b5563"><strong style="color:#111827">{{author}}</strong>{{#if organisation}} · {{organisation}}{{/if}}{{#if inReplyTo}} · {{t "inReplyTo" name=inReplyTo}}{{/if}}</div>',
  '<div style="margin:4px 0 2px 0">{{excerpt}}</div>',
  `{{#if machineTranslatedKey}}<div style="font-size:12px;color:#4b5563"><em>{{t machineTranslatedKey}}</em> · <a href="{{originalUrl}}" style="${LINK}">{{t "showOriginal"}}</a></div>{{/if}}`,
  '{{#if writtenInKey}}<div style="font-size:12px;color:#4b5563"><em>{{t writtenInKey}}</em></div>{{/if}}',
  `<div style="font-size:13px"><a href="{{url}}" style="${LINK}">{{t "open"}}</a>{{#if replyCount}} · {{t "replyCount" count=replyCount}}{{/if}}</div>`,
  '</div>',
].join('');

const ITEM_TEXT = `* {{author}}{{#if organisation}} ({{organisation}}){{/if}}{{#if inReplyTo}}, {{t "inReplyTo" name=inReplyTo}}{{/if}}
  {{excerpt}}
{{#if machineTranslatedKey}}
  [{{t machineTranslatedKey}}] {{t "showOriginal"}}: {{originalUrl}}
{{/if}}
{{#if writtenInKey}}
  [{{t writtenInKey}}]
{{/if}}
  {{t "open"}}{{#if replyCount}} ({{t "replyCount" count=replyCount}}){{/if}}: {{url}}

`;

const H2 = 'margin:0 0 12px 0;font-size:18px;color:#1f3a5f';

/** A titled section of items, shown only when it has some. */
function section(list: string, title: string): string {
  return `
    <mj-raw>{{#if ${list}.length}}</mj-raw>
    <mj-section background-color="#ffffff" padding="8px 0">
      <mj-column>
        <mj-text><h2 style="${H2}">{{t '${title}'}}</h2>{{#each ${list}}}{{> item}}{{/each}}</mj-text>
      </mj-column>
    </mj-section>
    <mj-raw>{{/if}}</mj-raw>`;
}

// Handlebars strings are single-quoted in the MJML: the title also lands in an attribute
// (aria-label), and the minifier must see well-formed HTML.
const MJML = mailLayout({
  subtitle: `{{t 'heading'}} · {{period}}`,
  sections: `
    <mj-section background-color="#ffffff" padding="16px 0 0 0">
      <mj-column>
        <mj-text>
          <p style="margin:0 0 8px 0">{{t 'greeting' name=name}}</p>
          <p style="margin:0 0 8px 0">{{t 'intro' consultation=consultation period=period}}</p>
          <ul style="margin:0;padding-left:20px">
            {{#if counts.contributions}}<li>{{t 'count.contributions' count=counts.contributions}}</li>{{/if}}
            {{#if counts.replies}}<li>{{t 'count.replies' count=counts.replies}}</li>{{/if}}
            {{#if counts.highlights}}<li>{{t 'count.highlights' count=counts.highlights}}</li>{{/if}}
            {{#if counts.publications}}<li>{{t 'count.publications' count=counts.publications}}</li>{{/if}}
            {{#if counts.outcomes}}<li>{{t 'count.outcomes' count=counts.outcomes}}</li>{{/if}}
          </ul>
        </mj-text>
      </mj-column>
    </mj-section>
    ${section('highlights', 'section.highlights')}
    ${section('replies', 'section.replies')}
    <mj-raw>{{#if roundtables.length}}</mj-raw>
    <mj-section background-color="#ffffff" padding="8px 0">
      <mj-column>
        <mj-text>
          <h2 style="${H2}">{{t 'section.new'}}</h2>
          {{#each roundtables}}
            <h3 style="margin:16px 0 4px 0;font-size:16px;color:#111827">{{t 'roundtable' number=number title=title}}</h3>
            {{#each questions}}
              <p style="margin:8px 0 10px 0;color:#374151"><strong>{{t 'question' number=number}}</strong> · <a href="{{url}}" style="${LINK}">{{prompt}}</a> · {{t 'count.contributions' count=total}}</p>
              {{#each items}}{{> item}}{{/each}}
              {{#if more}}<p style="margin:0 0 12px 0;font-size:13px"><a href="{{url}}" style="${LINK}">{{t 'more' count=more}}</a></p>{{/if}}
            {{/each}}
          {{/each}}
        </mj-text>
      </mj-column>
    </mj-section>
    <mj-raw>{{/if}}</mj-raw>
    <mj-raw>{{#if publications.length}}</mj-raw>
    <mj-section background-color="#ffffff" padding="8px 0">
      <mj-column>
        <mj-text>
          <h2 style="${H2}">{{t 'section.publications'}}</h2>
          {{#each publications}}<p style="margin:0 0 8px 0">{{t key}} · <a href="{{url}}" style="${LINK}">{{t 'roundtable' number=roundtableNumber title=roundtableTitle}}{{#if questionNumber}} · {{t 'question' number=questionNumber}}{{/if}}</a></p>{{/each}}
        </mj-text>
      </mj-column>
    </mj-section>
    <mj-raw>{{/if}}</mj-raw>
    <mj-raw>{{#if outcomes.length}}</mj-raw>
    <mj-section background-color="#ffffff" padding="8px 0">
      <mj-column>
        <mj-text>
          <h2 style="${H2}">{{t 'section.outcomes'}}</h2>
          {{#each outcomes}}
            <div style="margin:0 0 12px 0"><strong>{{t key}}</strong> · <a href="{{url}}" style="${LINK}">{{excerpt}}</a>{{#if reason}}<div style="font-size:13px;color:#4b5563">{{t 'reason' reason=reason}}</div>{{/if}}</div>
          {{/each}}
        </mj-text>
      </mj-column>
    </mj-section>
    <mj-raw>{{/if}}</mj-raw>`,
  footer: `
          {{t 'footer.why' consultation=consultation}}<br />
          <a href="{{links.settings}}" style="${LINK}">{{t 'footer.settings'}}</a> · <a href="{{links.unsubscribe}}" style="${LINK}">{{t 'footer.unsubscribe'}}</a>
        `,
});

const TEXT = `{{consultation}}
{{t "heading"}} · {{period}}

{{t "greeting" name=name}}
{{t "intro" consultation=consultation period=period}}

{{#if counts.contributions}}
- {{t "count.contributions" count=counts.contributions}}
{{/if}}
{{#if counts.replies}}
- {{t "count.replies" count=counts.replies}}
{{/if}}
{{#if counts.highlights}}
- {{t "count.highlights" count=counts.highlights}}
{{/if}}
{{#if counts.publications}}
- {{t "count.publications" count=counts.publications}}
{{/if}}
{{#if counts.outcomes}}
- {{t "count.outcomes" count=counts.outcomes}}
{{/if}}

{{#if highlights.length}}
== {{t "section.highlights"}} ==

{{#each highlights}}
{{> item}}
{{/each}}
{{/if}}
{{#if replies.length}}
== {{t "section.replies"}} ==

{{#each replies}}
{{> item}}
{{/each}}
{{/if}}
{{#if roundtables.length}}
== {{t "section.new"}} ==

{{#each roundtables}}
## {{t "roundtable" number=number title=title}}

{{#each questions}}
### {{t "question" number=number}}: {{prompt}} ({{t "count.contributions" count=total}})
{{url}}

{{#each items}}
{{> item}}
{{/each}}
{{#if more}}
  {{t "more" count=more}}: {{url}}

{{/if}}
{{/each}}
{{/each}}
{{/if}}
{{#if publications.length}}
== {{t "section.publications"}} ==

{{#each publications}}
* {{t key}}: {{t "roundtable" number=roundtableNumber title=roundtableTitle}}{{#if questionNumber}} · {{t "question" number=questionNumber}}{{/if}}
  {{url}}
{{/each}}

{{/if}}
{{#if outcomes.length}}
== {{t "section.outcomes"}} ==

{{#each outcomes}}
* {{t key}}: {{excerpt}}
{{#if reason}}
  {{t "reason" reason=reason}}
{{/if}}
  {{url}}
{{/each}}

{{/if}}
--
{{t "footer.why" consultation=consultation}}
{{t "footer.settings"}}: {{links.settings}}
{{t "footer.unsubscribe"}}: {{links.unsubscribe}}
`;

/** The weekly member digest: MJML for the HTML part, a plain-text part, a subject; EN/FR/ES wording. */
export const MEMBER_DIGEST_TEMPLATE: MailTemplateSource = {
  name: 'member-digest',
  subject: '{{t "subject" consultation=consultation count=counts.total}}',
  mjml: MJML,
  text: TEXT,
  catalogues: { en: EN, fr: FR, es: ES },
  partials: { html: { item: ITEM_HTML }, text: { item: ITEM_TEXT } },
};
