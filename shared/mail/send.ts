import type { SESv2Client } from '@aws-sdk/client-sesv2';
import { config } from '../config.ts';
import { logger } from '../logger.ts';
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

/** Mail is a courtesy: a failure is logged, never turned into a failed request (the state already changed). */
export const sendMailQuietly = (to: string | undefined, mail: Mail): Promise<void> | undefined =>
  to
    ? sendMail(to, mail).catch((error: Error) =>
        logger.warn('mail not sent', { error, template: mail.template }),
      )
    : undefined;
