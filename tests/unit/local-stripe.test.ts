import { describe, expect, it } from 'vitest';
import { applicationFee } from '../../infra/local/stripe/billing.ts';
import { StripeApiError } from '../../infra/local/stripe/errors.ts';
import {
  array,
  emptyable,
  integer,
  metadata,
  object,
  oneOf,
  parseParams,
  required,
  string,
} from '../../infra/local/stripe/params.ts';
import { addMonths, nextPeriodEnd } from '../../infra/local/stripe/period.ts';

const at = (iso: string) => Date.parse(iso) / 1000;
const iso = (unix: number) => new Date(unix * 1000).toISOString();

describe('local Stripe: billing periods', () => {
  it('adds calendar months, clamping to the month’s last day and keeping the time of day', () => {
    expect(iso(addMonths(at('2026-01-31T10:15:00Z'), 1))).toBe('2026-02-28T10:15:00.000Z');
    expect(iso(addMonths(at('2028-01-31T10:15:00Z'), 1))).toBe('2028-02-29T10:15:00.000Z');
    expect(iso(addMonths(at('2026-01-31T10:15:00Z'), 2))).toBe('2026-03-31T10:15:00.000Z');
    expect(iso(addMonths(at('2026-12-15T00:00:00Z'), 1))).toBe('2027-01-15T00:00:00.000Z');
    expect(iso(addMonths(at('2026-05-31T00:00:00Z'), 13))).toBe('2027-06-30T00:00:00.000Z');
  });

  it('counts every period from the anchor, so a short month never pulls later renewals forward', () => {
    const anchor = at('2026-01-31T09:00:00Z');
    const ends: string[] = [];
    let start = anchor;
    for (let i = 0; i < 4; i++) {
      const end = nextPeriodEnd(anchor, start);
      ends.push(iso(end).slice(0, 10));
      start = end;
    }
    expect(ends).toEqual(['2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31']);
  });
});

describe('local Stripe: the platform’s application fee', () => {
  it('is the percentage of the invoice total in whole yen, rounded', () => {
    expect(applicationFee(50_000, 10)).toBe(5_000);
    expect(applicationFee(33_333, 10)).toBe(3_333);
    expect(applicationFee(50_000, 12.5)).toBe(6_250);
    expect(applicationFee(30_000, 12.35)).toBe(3_705);
    expect(applicationFee(1_005, 0.5)).toBe(5);
    expect(applicationFee(15, 10)).toBe(2);
    expect(applicationFee(50_000, 0)).toBe(0);
  });
});

describe('local Stripe: parameter checks', () => {
  const shape = {
    mode: required(oneOf('payment', 'subscription')),
    line_items: array(object({ quantity: required(integer({ min: 1 })), name: string() })),
    pause_collection: emptyable(object({ behavior: required(oneOf('void')) })),
    metadata: metadata(),
  };
  const fails = (raw: Record<string, unknown>) => {
    try {
      parseParams(shape, raw);
    } catch (error) {
      if (error instanceof StripeApiError) return error.toJSON().error;
      throw error;
    }
    throw new Error('accepted');
  };

  it('reads the form’s strings as the types Stripe documents', () => {
    expect(
      parseParams(shape, {
        mode: 'subscription',
        line_items: [{ quantity: '2', name: 'DX' }],
        pause_collection: '',
        metadata: { a: '1' },
      }),
    ).toEqual({
      mode: 'subscription',
      line_items: [{ quantity: 2, name: 'DX' }],
      pause_collection: '',
      metadata: { a: '1' },
    });
  });

  it('refuses unknown, missing and malformed parameters with Stripe’s codes and param paths', () => {
    expect(fails({ mode: 'payment', colour: 'red' })).toMatchObject({
      code: 'parameter_unknown',
      param: 'colour',
    });
    expect(fails({ mode: 'payment', line_items: [{ quantity: '1', price: 'p' }] })).toMatchObject({
      code: 'parameter_unknown',
      param: 'line_items[0][price]',
    });
    expect(fails({ line_items: [] })).toMatchObject({ code: 'parameter_missing', param: 'mode' });
    expect(fails({ mode: 'payment', line_items: [{}] })).toMatchObject({
      code: 'parameter_missing',
      param: 'line_items[0][quantity]',
    });
    expect(fails({ mode: 'payment', line_items: [{ quantity: '1.5' }] })).toMatchObject({
      code: 'parameter_invalid_integer',
    });
    expect(fails({ mode: 'setup' })).toMatchObject({
      param: 'mode',
      message: 'Invalid mode: must be one of payment, or subscription',
    });
    expect(fails({ mode: 'payment', pause_collection: { behavior: 'keep_as_draft' } })).toMatchObject({
      param: 'pause_collection[behavior]',
    });
    expect(fails({ mode: '' })).toMatchObject({ code: 'parameter_invalid_empty' });
  });
});
