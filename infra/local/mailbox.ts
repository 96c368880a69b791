import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export type MailboxMessage = {
  id: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
  sentAt: string;
};

/**
 * How the mailbox refuses an address, as SES would: `rejected` is SES's MessageRejected (400: the address is on the
 * suppression list; no retry helps), `unavailable` a 503 (SES having trouble; a retry may pass).
 */
export const REFUSALS = {
  rejected: {
    status: 400,
    errorType: 'MessageRejected',
    message: 'Email address is on the suppression list.',
  },
  unavailable: { status: 503, errorType: 'ServiceUnavailable', message: 'Service is unavailable.' },
} as const;
export type RefusalReason = keyof typeof REFUSALS;

export class MailRefused extends Error {
  readonly refusal: (typeof REFUSALS)[RefusalReason];
  constructor(refusal: (typeof REFUSALS)[RefusalReason]) {
    super(refusal.message);
    this.refusal = refusal;
  }
}

/**
 * The local stand-in for SES: it answers SES v2's SendEmail (the product's SDK is pointed here by
 * AWS_ENDPOINT_URL_SESV2) and keeps every message for the /dev/mailbox page and for tests.
 */
export class Mailbox {
  readonly messages: MailboxMessage[] = [];
  readonly file: string | undefined;
  /** Addresses the mailbox refuses for now (the fault tests' control: /_local/mailbox/refusals/<address>). */
  readonly refusals = new Map<string, RefusalReason>();

  constructor(file?: string) {
    this.file = file;
    if (file && existsSync(file))
      this.messages.push(...(JSON.parse(readFileSync(file, 'utf8')) as MailboxMessage[]));
  }

  refuse(address: string, reason: RefusalReason | undefined): void {
    if (reason) this.refusals.set(address.toLowerCase(), reason);
    else this.refusals.delete(address.toLowerCase());
  }

  /** Body of `POST /v2/email/outbound-emails` (SES v2 SendEmail, simple content); throws MailRefused as SES would. */
  accept(request: unknown): { MessageId: string } {
    const r = request as {
      FromEmailAddress?: string;
      Destination?: { ToAddresses?: string[] };
      Content?: { Simple?: { Subject?: { Data?: string }; Body?: { Text?: { Data?: string } } } };
    };
    for (const to of r.Destination?.ToAddresses ?? []) {
      const reason = this.refusals.get(to.toLowerCase());
      if (reason) throw new MailRefused(REFUSALS[reason]);
    }
    const message: MailboxMessage = {
      id: randomUUID(),
      from: r.FromEmailAddress ?? '',
      to: r.Destination?.ToAddresses ?? [],
      subject: r.Content?.Simple?.Subject?.Data ?? '',
      text: r.Content?.Simple?.Body?.Text?.Data ?? '',
      sentAt: new Date().toISOString(),
    };
    this.messages.unshift(message);
    this.messages.splice(500);
    if (this.file) {
      mkdirSync(dirname(this.file), { recursive: true });
      writeFileSync(this.file, JSON.stringify(this.messages));
    }
    return { MessageId: message.id };
  }

  list(to?: string): MailboxMessage[] {
    return to ? this.messages.filter((m) => m.to.includes(to.toLowerCase())) : [...this.messages];
  }
}
