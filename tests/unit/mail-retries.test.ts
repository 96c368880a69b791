import { describe, expect, it } from 'vitest';
import { MAIL_MAX_ATTEMPTS, nextAttemptAt, refusalOf } from '../../shared/mail/rules.ts';

const at = new Date('2026-12-03T09:00:00.000Z');

describe('when a refused mail is tried again', () => {
  it('waits 5 min, 30 min, 2 h and 12 h after each passing refusal, then gives up after the fifth try', () => {
    expect([1, 2, 3, 4].map((tries) => nextAttemptAt(tries, 'ServiceUnavailable', at))).toEqual([
      '2026-12-03T09:05:00.000Z',
      '2026-12-03T09:30:00.000Z',
      '2026-12-03T11:00:00.000Z',
      '2026-12-03T21:00:00.000Z',
    ]);
    expect(MAIL_MAX_ATTEMPTS).toBe(5);
    expect(nextAttemptAt(5, 'TooManyRequestsException', at)).toBeUndefined();
  });

  it('gives up at once on a refusal no retry cures (a suppressed or bad address)', () => {
    expect(nextAttemptAt(1, 'MessageRejected', at)).toBeUndefined();
    expect(nextAttemptAt(1, 'BadRequestException', at)).toBeUndefined();
    expect(nextAttemptAt(1, 'TimeoutError', at)).toBe('2026-12-03T09:05:00.000Z');
  });

  it('keeps of an error its name and HTTP status, never its message (it may quote the address)', () => {
    const error = Object.assign(new Error('Address hanako@example.jp is suppressed'), {
      name: 'MessageRejected',
      $metadata: { httpStatusCode: 400 },
    });
    expect(refusalOf(error)).toEqual({ errorName: 'MessageRejected', httpStatus: 400 });
    expect(refusalOf(new Error('connect ECONNREFUSED'))).toEqual({ errorName: 'Error' });
  });
});
