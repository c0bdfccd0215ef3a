/** How links look in every email (inline: mail clients drop style sheets). */
export const MAIL_LINK_STYLE = 'color:#1f5fa8;text-decoration:underline';

/**
 * The MJML frame every Roundtable email shares: the head (title and preview from the
 * catalogue's `heading` and `preheader`, fonts), the consultation's banner with a
 * subtitle, the email's own sections, and a line of small print. `subtitle`, `sections`
 * and `footer` are MJML with Handlebars, like the rest of the template.
 */
export function mailLayout(parts: { subtitle: string; sections: string; footer: string }): string {
  return `
<mjml lang="{{lang}}">
  <mj-head>
    <mj-title>{{t 'heading'}}</mj-title>
    <mj-preview>{{t 'preheader'}}</mj-preview>
    <mj-attributes>
      <mj-all font-family="Helvetica, Arial, sans-serif" />
      <mj-text font-size="15px" line-height="1.5" color="#111827" />
    </mj-attributes>
  </mj-head>
  <mj-body background-color="#f3f4f6" width="640px">
    <mj-section background-color="#1f3a5f" padding="20px 0 12px 0">
      <mj-column>
        <mj-text color="#ffffff" font-size="22px" font-weight="bold">{{consultation}}</mj-text>
        <mj-text color="#dbe4f0" padding-top="0">${parts.subtitle}</mj-text>
      </mj-column>
    </mj-section>
${parts.sections}
    <mj-section padding="12px 0 24px 0">
      <mj-column>
        <mj-text font-size="12px" color="#4b5563">${parts.footer}</mj-text>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>`;
}
