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
 * The local stand-in for SES: it answers SES v2's SendEmail (the product's SDK is pointed here by
 * AWS_ENDPOINT_URL_SESV2) and keeps every message for the /dev/mailbox page and for tests.
 */
export class Mailbox {
  readonly messages: MailboxMessage[] = [];
  readonly file: string | undefined;

  constructor(file?: string) {
    this.file = file;
    if (file && existsSync(file))
      this.messages.push(...(JSON.parse(readFileSync(file, 'utf8')) as MailboxMessage[]));
  }

  /** Body of `POST /v2/email/outbound-emails` (SES v2 SendEmail, simple content). */
  accept(request: unknown): { MessageId: string } {
    const r = request as {
      FromEmailAddress?: string;
      Destination?: { ToAddresses?: string[] };
      Content?: { Simple?: { Subject?: { Data?: string }; Body?: { Text?: { Data?: string } } } };
    };
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
