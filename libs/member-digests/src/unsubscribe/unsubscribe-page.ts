import type { Language } from '@roundtable/core';
import { translate } from '@roundtable/mail';
import { EN } from '../email/catalogue.en';
import { ES } from '../email/catalogue.es';
import { FR } from '../email/catalogue.fr';

const CATALOGUES = { en: EN, fr: FR, es: ES };

export type UnsubscribePageState =
  | { kind: 'confirm'; token: string; email: string }
  | { kind: 'done'; email: string; settingsUrl: string }
  | { kind: 'invalid' };

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** `amina.diallo@example.org` → `am•••@example.org`: enough to recognise, little to harvest. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return '•••';
  return `${email.slice(0, Math.min(2, at))}•••${email.slice(at)}`;
}

/**
 * The page behind the unsubscribe link, in the member's language: `GET` asks for
 * confirmation with a button (it never unsubscribes by itself: link scanners fetch links),
 * the button `POST`s to the same address, and the answer confirms. Self-contained HTML,
 * inline styles only (the api's CSP allows no scripts, which this page does not need).
 */
export function renderUnsubscribePage(state: UnsubscribePageState, lang: Language): string {
  const t = (key: string, vars: Record<string, unknown> = {}) => escape(translate(CATALOGUES, lang, key, vars));
  let body: string;
  if (state.kind === 'confirm') {
    body = `<h1>${t('page.title')}</h1>
    <p>${t('page.question', { email: maskEmail(state.email) })}</p>
    <form method="post" action="?token=${encodeURIComponent(state.token)}">
      <input type="hidden" name="List-Unsubscribe" value="One-Click">
      <button type="submit">${t('page.button')}</button>
    </form>`;
  } else if (state.kind === 'done') {
    body = `<h1>${t('page.title')}</h1>
    <p role="status">${t('page.done', { email: maskEmail(state.email) })}</p>
    <p><a href="${escape(state.settingsUrl)}">${t('page.again')}</a></p>`;
  } else {
    body = `<h1>${t('page.title')}</h1>
    <p role="alert">${t('page.invalid')}</p>`;
  }
  return `<!doctype html>
<html lang="${lang}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="robots" content="noindex">
  <title>${t('page.title')}</title>
  <style>
    body { font-family: Helvetica, Arial, sans-serif; background: #f3f4f6; color: #111827; margin: 0; padding: 48px 16px; }
    main { max-width: 520px; margin: 0 auto; background: #fff; padding: 32px; border-radius: 8px; }
    h1 { font-size: 22px; margin: 0 0 16px; color: #1f3a5f; }
    button { font-size: 16px; padding: 10px 20px; background: #1f3a5f; color: #fff; border: 0; border-radius: 6px; cursor: pointer; }
    button:focus { outline: 3px solid #f59e0b; outline-offset: 2px; }
    a { color: #1f5fa8; }
  </style>
</head>
<body><main>
    ${body}
</main></body>
</html>`;
}
