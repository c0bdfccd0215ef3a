import type { AddressInfo } from 'node:net';
import { ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer, SMTPServerDataStream, SMTPServerSession } from 'smtp-server';

/** A message the sink accepted (answered 250), parsed. */
export interface ReceivedMail {
  /** Envelope recipients (RCPT TO). */
  to: string[];
  subject: string;
  text: string;
  html: string;
  messageId: string;
  /** Lower-cased header name → value as written. */
  header(name: string): string | undefined;
  parsed: ParsedMail;
}

/** What to answer one message: accept it, or an SMTP error code (e.g. 451, 550). */
export type SinkDecision = 'accept' | { code: number; message: string };

/**
 * A real SMTP server, in-process (`smtp-server`), for tests: it parses every message it
 * accepts (`mailparser`) and can answer errors per recipient, or hold its answers (the
 * client waits, as with a slow server) until released. Only accepted messages count as
 * received: a message whose client went away before the 250 was never delivered.
 */
export class SmtpSink {
  readonly received: ReceivedMail[] = [];
  /** Messages accepted so far (counted at the 250, before parsing). */
  accepted = 0;
  /** Data transactions seen per recipient, accepted or not. */
  readonly attempts = new Map<string, number>();
  private decide: (rcpt: string, attempt: number) => SinkDecision = () => 'accept';
  private holding = false;
  private holdAt = Infinity;
  private held: Array<() => void> = [];
  private parsing = new Set<Promise<void>>();

  private constructor(private readonly server: SMTPServer) {}

  static async start(): Promise<SmtpSink> {
    // eslint-disable-next-line prefer-const -- assigned after the server it is captured by is created
    let sink!: SmtpSink;
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      size: 10 * 1024 * 1024,
      onData: (stream, session, callback) => sink.onData(stream, session, callback),
    });
    server.on('error', () => undefined); // a client killed mid-message is not the sink's problem
    sink = new SmtpSink(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    return sink;
  }

  get url(): string {
    const address = this.server.server.address() as AddressInfo;
    return `smtp://127.0.0.1:${address.port}`;
  }

  /** Decide per recipient and attempt (1, 2, …) what to answer at the end of DATA. */
  answer(decide: (rcpt: string, attempt: number) => SinkDecision): void {
    this.decide = decide;
  }

  /** From now on, keep every answer (the clients wait, as with a stalled server) until {@link dropHeld}. */
  hold(): void {
    this.holding = true;
  }

  /** Accept `n` messages in all, then {@link hold} every answer after. */
  holdAfter(n: number): void {
    this.holdAt = n;
  }

  /** Messages received whose data is complete but whose answer is being held. */
  get heldCount(): number {
    return this.held.length;
  }

  /** Drops the held messages without answering (their clients are gone), and answers normally again. */
  dropHeld(): void {
    this.holding = false;
    this.holdAt = Infinity;
    this.held = [];
  }

  /** Messages accepted for `address`. */
  to(address: string): ReceivedMail[] {
    const wanted = address.toLowerCase();
    return this.received.filter((m) => m.to.includes(wanted));
  }

  /** Waits until every accepted message has been parsed into {@link received}. */
  async settled(): Promise<void> {
    while (this.parsing.size) await Promise.all([...this.parsing]);
  }

  async close(): Promise<void> {
    this.dropHeld();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private onData(
    stream: SMTPServerDataStream,
    session: SMTPServerSession,
    callback: (err?: Error | null) => void,
  ): void {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
      const attempt = (this.attempts.get(to[0]) ?? 0) + 1;
      this.attempts.set(to[0], attempt);
      const decision = this.decide(to[0], attempt);
      if (this.accepted >= this.holdAt) this.holding = true;
      const answer = () => {
        if (decision !== 'accept') {
          callback(Object.assign(new Error(decision.message), { responseCode: decision.code }));
          return;
        }
        this.accepted += 1;
        const parsing = this.parse(Buffer.concat(chunks), to);
        this.parsing.add(parsing);
        void parsing.finally(() => this.parsing.delete(parsing));
        callback(null);
      };
      if (this.holding) this.held.push(answer);
      else answer();
    });
  }

  private async parse(raw: Buffer, to: string[]): Promise<void> {
    const parsed = await simpleParser(raw);
    this.received.push({
      to,
      subject: parsed.subject ?? '',
      text: parsed.text ?? '',
      html: typeof parsed.html === 'string' ? parsed.html : '',
      messageId: parsed.messageId ?? '',
      header: (name) => {
        const line = parsed.headerLines.find((h) => h.key === name.toLowerCase());
        return line
          ? line.line
              .slice(line.line.indexOf(':') + 1)
              .replace(/\r?\n/g, '')
              .trim()
          : undefined;
      },
      parsed,
    });
  }
}
