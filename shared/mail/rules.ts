/**
 * When a mail SES refused is tried again. A mail is tried at once by the request that caused it; if SES
 * refuses it for a passing reason (throttled, unavailable, unreachable) it waits in the outbox and the
 * retry-mail job tries it after each of these delays, then records it as undelivered for the operators.
 */
/** A mail in the outbox is either waiting for its next try or given up (recorded for the operators). */
export const MAIL_STATES = ['undelivered', 'retrying'] as const;
export type MailState = (typeof MAIL_STATES)[number];

export const MAIL_RETRY_MINUTES = [5, 30, 120, 720] as const;
export const MAIL_MAX_ATTEMPTS = MAIL_RETRY_MINUTES.length + 1;
/** A try the retry job claimed but never settled (the job died mid-send) is taken up again after this. */
export const MAIL_CLAIM_MINUTES = 15;

/** An undelivered mail (an address and its text: personal data) is kept this long, then DynamoDB's TTL removes it. */
export const UNDELIVERED_MAIL_DAYS = 30;

/**
 * SES errors that no retry can cure: the message or the address is refused as such (suppression list,
 * bad address, unverified sender). Anything else (throttling, 5xx, the network) may pass.
 */
const PERMANENT = new Set([
  'MessageRejected',
  'BadRequestException',
  'NotFoundException',
  'MailFromDomainNotVerifiedException',
]);

export const isPermanentRefusal = (errorName: string) => PERMANENT.has(errorName);

/**
 * After `attempts` tries failed with `errorName`, at `at`: when to try next, or undefined when the mail is given
 * up (a permanent refusal, or every try spent).
 */
export function nextAttemptAt(attempts: number, errorName: string, at: Date): string | undefined {
  if (isPermanentRefusal(errorName)) return undefined;
  const minutes = MAIL_RETRY_MINUTES[attempts - 1];
  return minutes === undefined ? undefined : new Date(at.getTime() + minutes * 60_000).toISOString();
}

/** What the outbox keeps of an error: its name and HTTP status, never its message (it may quote the address). */
export function refusalOf(error: unknown): { errorName: string; httpStatus?: number } {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  const httpStatus = e?.$metadata?.httpStatusCode;
  return { errorName: e?.name || 'Error', ...(httpStatus ? { httpStatus } : {}) };
}

/** The retry-mail job's log message when it gave mail up: CDK alarms on it. */
export const MAIL_GIVEN_UP = 'outbox mail given up';
