import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupDigits, yen } from '#shared/domain/money.ts';

describe('yen in the API’s messages and mails', () => {
  it('groups digits as English does', () => {
    expect(yen(50_000)).toBe('¥50,000');
    expect(yen(999)).toBe('¥999');
    expect(groupDigits(1_000_000)).toBe('1,000,000');
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => {
        expect(groupDigits(n)).toBe(n.toLocaleString('en'));
      }),
    );
  });
});
