import { MAIL_LINK_STYLE, mailLayout } from '@roundtable/mail';
import type { MailTemplateSource } from '@roundtable/mail';
import { EN } from './catalogue.en';
import { ES } from './catalogue.es';
import { FR } from './catalogue.fr';

const LINK = MAIL_LINK_STYLE;

// Handlebars strings are single-quoted in the MJML (some land in attributes). Every value is
// escaped in the HTML part; the personal note keeps its line breaks through white-space.
const MJML = mailLayout({
  subtitle: `{{t 'heading'}}`,
  sections: `
    <mj-section background-color="#ffffff" padding="16px 0 0 0">
      <mj-column>
        <mj-text>
          <p style="margin:0 0 8px 0">{{t 'greeting'}}</p>
          <p style="margin:0 0 8px 0">{{#if spaces.length}}{{t 'intro.spaces' inviter=inviter number=roundtable.number roundtable=roundtable.title consultation=consultation role=role}}{{else}}{{t 'intro.roundtable' inviter=inviter number=roundtable.number roundtable=roundtable.title consultation=consultation role=role}}{{/if}}</p>
          {{#if spaces.length}}<ul style="margin:0 0 8px 0;padding-left:20px">{{#each spaces}}<li><strong>{{t 'question' number=number}}</strong> · {{prompt}}</li>{{/each}}</ul>{{/if}}
          <p style="margin:0 0 8px 0;color:#374151">{{t roleHelp}}</p>
          {{#if message}}<p style="margin:12px 0 4px 0"><strong>{{t 'note' inviter=inviter}}</strong></p><blockquote style="margin:0 0 8px 0;padding:8px 12px;border-left:4px solid #1f3a5f;background:#f3f4f6;white-space:pre-wrap">{{message}}</blockquote>{{/if}}
        </mj-text>
        <mj-button href="{{link}}" background-color="#1f3a5f" color="#ffffff" font-size="16px" align="left">{{t 'button'}}</mj-button>
        <mj-text>
          <p style="margin:0 0 4px 0;font-size:13px;color:#4b5563">{{t 'linkIntro'}}</p>
          <p style="margin:0 0 12px 0;font-size:13px;word-break:break-all"><a href="{{link}}" style="${LINK}">{{link}}</a></p>
          <p style="margin:0 0 8px 0">{{t 'expires' date=expires}}</p>
          <p style="margin:0 0 8px 0">{{t 'account' email=email}}</p>
        </mj-text>
      </mj-column>
    </mj-section>`,
  footer: `{{t 'ignore'}}<br />{{t 'footer' consultation=consultation}}`,
});

const TEXT = `{{consultation}}
{{t "heading"}}

{{t "greeting"}}

{{#if spaces.length}}
{{t "intro.spaces" inviter=inviter number=roundtable.number roundtable=roundtable.title consultation=consultation role=role}}
{{#each spaces}}
- {{t "questionLine" number=number prompt=prompt}}
{{/each}}
{{else}}
{{t "intro.roundtable" inviter=inviter number=roundtable.number roundtable=roundtable.title consultation=consultation role=role}}
{{/if}}

{{t roleHelp}}

{{#if message}}
{{t "note" inviter=inviter}}
{{message}}

{{/if}}
{{t "buttonLine" link=link}}

{{t "expires" date=expires}}
{{t "account" email=email}}

--
{{t "ignore"}}
{{t "footer" consultation=consultation}}
`;

/** The invitation email: MJML for the HTML part, a plain-text part, a subject; EN/FR/ES wording. */
export const INVITATION_TEMPLATE: MailTemplateSource = {
  name: 'invitation',
  subject: '{{t "subject" inviter=inviter consultation=consultation}}',
  mjml: MJML,
  text: TEXT,
  catalogues: { en: EN, fr: FR, es: ES },
};
