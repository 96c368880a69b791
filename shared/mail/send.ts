import type { SESv2Client } from '@aws-sdk/client-sesv2';
import { config } from '../config.ts';
import { logger } from '../logger.ts';
import { outbox } from './outbox.entity.ts';
import { nextAttemptAt, refusalOf } from './rules.ts';
import type { Mail } from './templates.ts';

/**
 * Sends mail through SES. The endpoint is not set here: the SDK reads AWS_ENDPOINT_URL_SESV2,
 * which the local cloud points at its mailbox (/dev/mailbox).
 */
let ses: SESv2Client | undefined;

export async function sendMail(to: string, mail: Mail): Promise<void> {
  // The SES client is loaded on the first mail, not at import: most requests send none.
  const { SESv2Client, SendEmailCommand } = await import('@aws-sdk/client-sesv2');
  ses ??= new SESv2Client({ region: config().AWS_REGION, maxAttempts: 2 });
  await ses.send(
    new SendEmailCommand({
      FromEmailAddress: config().MAIL_FROM,
      Destination: { ToAddresses: [to] },
      Content: {
        Simple: {
          Subject: { Data: mail.subject, Charset: 'UTF-8' },
          Body: { Text: { Data: mail.text, Charset: 'UTF-8' } },
        },
      },
    }),
  );
  logger.info('mail sent', { template: mail.template });
}

/**
 * Mail the product sends as a consequence of a request: the state already changed, so a refusal never fails the
 * request. SES refusing it puts it in the outbox (retried by the retry-mail job, or recorded as undelivered);
 * even the outbox failing (the table unreachable) only logs.
 */
export const sendMailQuietly = (to: string | undefined, mail: Mail): Promise<void> | undefined =>
  to ? sendMail(to, mail).catch((error: unknown) => keepForRetry(to, mail, error)) : undefined;

async function keepForRetry(to: string, mail: Mail, error: unknown): Promise<void> {
  const refusal = refusalOf(error);
  const at = new Date();
  try {
    const kept = await outbox.record(to, mail, refusal, nextAttemptAt(1, refusal.errorName, at), at);
    logger.warn('mail refused; kept in the outbox', {
      template: mail.template,
      mailId: kept.id,
      ...refusal,
      status: kept.status,
    });
  } catch (outboxError) {
    logger.error('mail refused and not kept', {
      template: mail.template,
      ...refusal,
      error: outboxError as Error,
    });
  }
}
