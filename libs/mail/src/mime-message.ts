import { randomBytes } from 'node:crypto';
import addressparser from 'nodemailer/lib/addressparser';
import { encodeWords, foldLines } from 'nodemailer/lib/mime-funcs';
import type { OutgoingMail } from './outgoing-mail';

const CRLF = '\r\n';

/** base64 in lines of 76 characters (RFC 2045), with Node's native encoder. */
function base64Lines(text: string): string {
  const encoded = Buffer.from(text, 'utf8').toString('base64');
  const lines: string[] = [];
  for (let i = 0; i < encoded.length; i += 76) lines.push(encoded.slice(i, i + 76));
  return lines.join(CRLF);
}

/** A header line, its value MIME-encoded when it is not plain ASCII, folded at 78 characters. */
function header(name: string, value: string): string {
  return foldLines(`${name}: ${/^[\x20-\x7e]*$/.test(value) ? value : encodeWords(value, 'Q', 52)}`, 76);
}

/** `Name <address>` with the name encoded when needed. */
function mailbox(value: string): string {
  const [parsed] = addressparser(value) as Array<{ name: string; address: string }>;
  if (!parsed?.address) throw new Error(`not an email address: ${value}`);
  if (!parsed.name) return parsed.address;
  const name = /^[\x20-\x7e]*$/.test(parsed.name)
    ? `"${parsed.name.replace(/(["\\])/g, '\\$1')}"`
    : encodeWords(parsed.name, 'Q', 52);
  return `${name} <${parsed.address}>`;
}

/** RFC 5322 date: `Mon, 23 Nov 2026 21:31:16 +0000`. */
function rfc5322Date(date: Date): string {
  return date.toUTCString().replace(/GMT$/, '+0000');
}

/**
 * An email as bytes: a multipart/alternative message with a plain-text and an HTML part
 * (UTF-8, base64), ready to hand to SMTP as `raw`. nodemailer composes the same through
 * its MIME streams at about ten times the CPU, which caps how many digests one worker can
 * send; header encoding and folding still use nodemailer's functions.
 */
export function buildMimeMessage(mail: OutgoingMail, from: string, date = new Date()): Buffer {
  const boundary = `----=_rt_${randomBytes(12).toString('hex')}`;
  const headers = [
    header('From', mailbox(from)),
    header('To', mailbox(mail.to)),
    header('Subject', mail.subject),
    header('Date', rfc5322Date(date)),
    header(
      'Message-ID',
      mail.messageId ?? `<${randomBytes(16).toString('hex')}@${mailbox(from).replace(/.*@|>$/g, '')}>`,
    ),
    'MIME-Version: 1.0',
    ...(mail.language ? [header('Content-Language', mail.language)] : []),
    ...Object.entries(mail.headers ?? {}).map(([name, value]) => header(name, value)),
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
  ];
  const part = (type: string, body: string) =>
    [
      `--${boundary}`,
      `Content-Type: ${type}; charset=utf-8`,
      'Content-Transfer-Encoding: base64',
      '',
      base64Lines(body),
    ].join(CRLF);
  return Buffer.from(
    [headers.join(CRLF), '', part('text/plain', mail.text), part('text/html', mail.html), `--${boundary}--`, ''].join(
      CRLF,
    ),
    'utf8',
  );
}
