/**
 * Why an email did not go out, as the sender must act on it: `permanent` (the SMTP server
 * answered 5xx: the address or message is refused, sending again changes nothing) or
 * transient (4xx, a timeout, a dropped connection: try again later).
 */
export class MailDeliveryError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
    /** The SMTP reply code when the server answered (e.g. 451, 550). */
    readonly responseCode?: number,
  ) {
    super(message);
    this.name = 'MailDeliveryError';
  }

  /** Classifies an error from nodemailer: SMTP 5xx is permanent, everything else transient. */
  static from(err: unknown): MailDeliveryError {
    if (err instanceof MailDeliveryError) return err;
    const e = err as { message?: string; responseCode?: unknown; response?: unknown; code?: unknown };
    const code = typeof e?.responseCode === 'number' ? e.responseCode : undefined;
    const detail = typeof e?.response === 'string' ? e.response : (e?.message ?? String(err));
    const permanent = code !== undefined && code >= 500 && code < 600;
    const kind = code !== undefined ? `SMTP ${code}` : typeof e?.code === 'string' ? e.code : 'error';
    return new MailDeliveryError(`${kind}: ${detail}`.slice(0, 500), permanent, code);
  }
}
