/** One email as the application hands it to {@link MailTransport}. */
export interface OutgoingMail {
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Extra headers, e.g. `List-Unsubscribe`. */
  headers?: Record<string, string>;
  /**
   * A stable Message-ID (`<…@…>`): the same email sent again carries the same id, which
   * receiving mailboxes use to collapse copies.
   */
  messageId?: string;
  /** Content-Language of the message. */
  language?: string;
}

/** What the SMTP server said when it accepted the message. */
export interface SentMail {
  messageId: string;
  response: string;
}
