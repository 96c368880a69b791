import { randomInt } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { positions } from '#shared/events/event-registrations.ts';
import type { Registration } from '#shared/events/registration.entity.ts';
import {
  addHours,
  CHECKIN_OPENS_HOURS_BEFORE,
  CheckinInput,
  CODE_ALPHABET,
  CODE_LENGTH,
  canCancelRegistration,
  canClaim,
  canSignUp,
  capacityOf,
  checkinCode,
  checkinOpen,
  childcareAllowed,
  drawOrder,
  drawOutcome,
  EventInput,
  EventPatch,
  EventQuery,
  eventIssues,
  japanTime,
  RegistrationInput,
  refundable,
} from '#shared/events/rules.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const iso = (t: number) => new Date(t).toISOString();
/** 2027-02-10 13:00 in Japan. */
const START = Date.parse('2027-02-10T13:00:00+09:00');

const event = {
  kind: 'seminar',
  title: '湯梨浜町 関係人口セミナー',
  description: '副業人材と地域企業が出会うハイブリッドセミナーです。',
  municipalityCode: '31370',
  venueName: '湯梨浜町中央公民館',
  startsAt: '2027-02-10T13:00:00+09:00',
  endsAt: '2027-02-10T16:00:00+09:00',
  signupDeadline: '2027-02-09T13:00:00+09:00',
  venueCapacity: 20,
  onlineCapacity: 30,
  feeJpy: 0,
  selection: 'first_come',
  childcare: false,
} as const;
const pathsOf = (issues: { path: string }[]) => issues.map((i) => i.path);

describe('eventIssues: the rules between an event’s fields', () => {
  it('finds nothing wrong with a sound event, nor with a part of one (a patch names only what changes)', () => {
    expect(eventIssues(event)).toEqual([]);
    expect(eventIssues({ startsAt: event.startsAt })).toEqual([]);
    expect(eventIssues({ kind: 'tour' })).toEqual([]);
    expect(eventIssues({ venueCapacity: 0 })).toEqual([]);
  });

  it('an event ends after it starts, comparing instants whatever the offset', () => {
    expect(pathsOf(eventIssues({ ...event, endsAt: event.startsAt }))).toEqual(['endsAt']);
    expect(pathsOf(eventIssues({ ...event, endsAt: '2027-02-10T12:59:59+09:00' }))).toEqual(['endsAt']);
    // 04:00 UTC is 13:00 in Japan: the same instant as the start.
    expect(pathsOf(eventIssues({ ...event, endsAt: '2027-02-10T04:00:00Z' }))).toEqual(['endsAt']);
    expect(eventIssues({ ...event, endsAt: '2027-02-10T04:00:01Z' })).toEqual([]);
  });

  it('an event lasts at most 7 days', () => {
    expect(eventIssues({ ...event, endsAt: iso(START + 7 * DAY) })).toEqual([]);
    expect(pathsOf(eventIssues({ ...event, endsAt: iso(START + 7 * DAY + 1) }))).toEqual(['endsAt']);
  });

  it('sign-ups close at or before the start', () => {
    expect(eventIssues({ ...event, signupDeadline: event.startsAt })).toEqual([]);
    expect(pathsOf(eventIssues({ ...event, signupDeadline: iso(START + 1000) }))).toEqual(['signupDeadline']);
  });

  it('a tour is at the venue only; a seminar may be both', () => {
    expect(pathsOf(eventIssues({ ...event, kind: 'tour', onlineCapacity: 1 }))).toEqual(['onlineCapacity']);
    expect(eventIssues({ ...event, kind: 'tour', onlineCapacity: 0 })).toEqual([]);
    expect(eventIssues({ ...event, kind: 'seminar', venueCapacity: 0, onlineCapacity: 1 })).toEqual([]);
  });

  it('an event has at least one seat', () => {
    expect(pathsOf(eventIssues({ ...event, venueCapacity: 0, onlineCapacity: 0 }))).toEqual([
      'venueCapacity',
    ]);
    expect(eventIssues({ ...event, venueCapacity: 1, onlineCapacity: 0 })).toEqual([]);
  });

  it('a paid event costs at least ¥50; 0 is free', () => {
    for (const fee of [0, 50, 3000]) expect(eventIssues({ ...event, feeJpy: fee }), `¥${fee}`).toEqual([]);
    for (const fee of [1, 49])
      expect(pathsOf(eventIssues({ ...event, feeJpy: fee })), `¥${fee}`).toEqual(['feeJpy']);
  });

  it('reports every rule broken at once', () => {
    const all = eventIssues({
      ...event,
      kind: 'tour',
      endsAt: iso(START - HOUR),
      signupDeadline: iso(START + HOUR),
      onlineCapacity: 5,
      feeJpy: 10,
    });
    expect(pathsOf(all).sort()).toEqual(['endsAt', 'feeJpy', 'onlineCapacity', 'signupDeadline']);
    for (const issue of all) expect(issue.message.length).toBeGreaterThan(0);
  });
});

describe('EventInput and EventPatch: what a body may hold', () => {
  it('takes a sound event as it is, leaving the defaults to the use case', () => {
    const parsed = EventInput.parse(event);
    expect(parsed).toEqual(event);
    expect(parsed.claimWindowHours).toBeUndefined();
    expect(parsed.refundDaysBefore).toBeUndefined();
    expect(EventInput.parse({ ...event, claimWindowHours: 24, refundDaysBefore: 0 })).toMatchObject({
      claimWindowHours: 24,
      refundDaysBefore: 0,
    });
  });

  it('wants every time with an offset', () => {
    for (const field of ['startsAt', 'endsAt', 'signupDeadline'] as const) {
      const noOffset = EventInput.safeParse({ ...event, [field]: event[field].slice(0, 19) });
      expect(noOffset.success, field).toBe(false);
      expect(noOffset.error?.issues.map((i) => i.path.join('.'))).toContain(field);
      expect(EventInput.safeParse({ ...event, [field]: event[field].slice(0, 10) }).success).toBe(false);
    }
    expect(
      EventInput.safeParse({
        ...event,
        startsAt: '2027-02-10T04:00:00Z',
        endsAt: '2027-02-10T07:00:00.000Z',
      }).success,
    ).toBe(true);
  });

  it('turns the rules between fields into issues at the field to change', () => {
    const result = EventInput.safeParse({
      ...event,
      endsAt: event.startsAt,
      venueCapacity: 0,
      onlineCapacity: 0,
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['endsAt', 'venueCapacity']);
  });

  it('refuses what is not the caller’s to set, and fields it does not know', () => {
    for (const extra of [{ status: 'published' }, { regionCode: 'amami' }, { venueTaken: 0 }, { id: 'x' }])
      expect(EventInput.safeParse({ ...event, ...extra }).success, JSON.stringify(extra)).toBe(false);
  });

  it('bounds each field', () => {
    const bad: Record<string, unknown>[] = [
      { kind: 'workshop' },
      { selection: 'random' },
      { title: '   ' },
      { title: 'あ'.repeat(101) },
      { description: 'あ'.repeat(4001) },
      { venueName: '' },
      { municipalityCode: '99999' },
      { municipalityCode: '3137' },
      { venueCapacity: -1 },
      { venueCapacity: 1.5 },
      { venueCapacity: 10_001 },
      { onlineCapacity: '3' },
      { feeJpy: 1_000_001 },
      { feeJpy: 100.5 },
      { childcare: 'yes' },
      { claimWindowHours: 0 },
      { claimWindowHours: 169 },
      { refundDaysBefore: -1 },
      { refundDaysBefore: 61 },
    ];
    for (const change of bad)
      expect(EventInput.safeParse({ ...event, ...change }).success, JSON.stringify(change)).toBe(false);
    for (const change of [{ claimWindowHours: 1 }, { claimWindowHours: 168 }, { refundDaysBefore: 60 }])
      expect(EventInput.safeParse({ ...event, ...change }).success, JSON.stringify(change)).toBe(true);
    expect(EventInput.parse({ ...event, title: '  湯梨浜セミナー  ' }).title).toBe('湯梨浜セミナー');
  });

  it('a patch changes at least one field, of the same kinds; the whole is checked when it is applied', () => {
    expect(EventPatch.safeParse({}).success).toBe(false);
    expect(EventPatch.parse({ venueCapacity: 30 })).toEqual({ venueCapacity: 30 });
    expect(EventPatch.safeParse({ venueCapacity: -1 }).success).toBe(false);
    expect(EventPatch.safeParse({ status: 'published' }).success).toBe(false);
    expect(EventPatch.safeParse({ startsAt: '2027-02-10T13:00:00' }).success).toBe(false);
    // Only the event after the patch can say whether it ends after it starts (edit-event checks it).
    expect(EventPatch.safeParse({ kind: 'tour', onlineCapacity: 5 }).success).toBe(true);
  });
});

describe('the other inputs', () => {
  it('a sign-up names its mode, and childcare as a number of children and their ages', () => {
    expect(RegistrationInput.parse({ attendance: 'online' })).toEqual({ attendance: 'online' });
    expect(
      RegistrationInput.parse({ attendance: 'venue', childcare: { children: 2, ages: ' 2歳と5歳 ' } }),
    ).toEqual({
      attendance: 'venue',
      childcare: { children: 2, ages: '2歳と5歳' },
    });
    for (const bad of [
      {},
      { attendance: 'both' },
      { attendance: 'venue', childcare: { children: 0, ages: '3歳' } },
      { attendance: 'venue', childcare: { children: 11, ages: '3歳' } },
      { attendance: 'venue', childcare: { children: 1, ages: '  ' } },
      { attendance: 'venue', childcare: { children: 1 } },
      { attendance: 'venue', childcare: true },
      { attendance: 'venue', status: 'confirmed' },
    ])
      expect(RegistrationInput.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
  });

  it('a check-in code is read as typed: trimmed and upper-cased, from the readable alphabet only', () => {
    expect(CheckinInput.parse({ code: ' abcdefgh ' })).toEqual({ code: 'ABCDEFGH' });
    for (const code of [
      'ABCDEFG',
      'ABCDEFGHJ',
      'ABCDEFG0',
      'ABCDEFGO',
      'ABCDEFG1',
      'ABCDEFGI',
      'ABCDEFGL',
      '',
    ])
      expect(CheckinInput.safeParse({ code }).success, code).toBe(false);
  });

  it('the public listing’s query: codes by their digits, a time with its offset, a page of 1 to 50', () => {
    expect(EventQuery.parse({ prefecture: '31', limit: '20' })).toEqual({ prefecture: '31', limit: 20 });
    for (const bad of [
      { prefecture: '3' },
      { municipality: '313700' },
      { kind: 'party' },
      { from: '2027-02-10' },
      { limit: '0' },
      { limit: '51' },
      { limit: '2.5' },
      { sort: 'price' },
    ])
      expect(EventQuery.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
  });
});

const published = {
  ...event,
  status: 'published' as const,
};
const at = (t: number) => new Date(t);
const DEADLINE = Date.parse(event.signupDeadline);

describe('canSignUp', () => {
  it('takes a sign-up for a published event before its deadline, in a mode that has seats', () => {
    expect(canSignUp(published, { attendance: 'venue' }, at(DEADLINE - 1))).toEqual({ ok: true });
    expect(canSignUp(published, { attendance: 'online' }, at(DEADLINE - DAY))).toEqual({ ok: true });
  });

  it('refuses a cancelled event, a draft, and anything from the deadline on', () => {
    const code = (e: Parameters<typeof canSignUp>[0], t: number, mode: 'venue' | 'online' = 'venue') => {
      const v = canSignUp(e, { attendance: mode }, at(t));
      return v.ok ? 'ok' : v.code;
    };
    expect(code({ ...published, status: 'cancelled' }, DEADLINE - DAY)).toBe('event_cancelled');
    // Cancelled is what a person must hear, even after the deadline.
    expect(code({ ...published, status: 'cancelled' }, DEADLINE + DAY)).toBe('event_cancelled');
    expect(code({ ...published, status: 'draft' }, DEADLINE - DAY)).toBe('not_published');
    expect(code(published, DEADLINE)).toBe('signups_closed');
    expect(code(published, DEADLINE + 1)).toBe('signups_closed');
  });

  it('a lottery takes entries until it is drawn', () => {
    const lottery = { ...published, selection: 'lottery' as const };
    expect(canSignUp(lottery, { attendance: 'venue' }, at(DEADLINE - HOUR)).ok).toBe(true);
    const drawn = canSignUp(
      { ...lottery, drawnAt: iso(DEADLINE - 2 * HOUR) },
      { attendance: 'venue' },
      at(DEADLINE - HOUR),
    );
    expect(drawn).toMatchObject({ ok: false, code: 'signups_closed' });
  });

  it('refuses a mode the event has no seats in', () => {
    expect(
      canSignUp({ ...published, onlineCapacity: 0 }, { attendance: 'online' }, at(DEADLINE - DAY)),
    ).toMatchObject({
      ok: false,
      code: 'no_such_attendance',
    });
    expect(
      canSignUp({ ...published, venueCapacity: 0 }, { attendance: 'venue' }, at(DEADLINE - DAY)),
    ).toMatchObject({
      ok: false,
      code: 'no_such_attendance',
    });
    expect(capacityOf(published, 'venue')).toBe(20);
    expect(capacityOf(published, 'online')).toBe(30);
  });
});

describe('childcareAllowed', () => {
  it('takes a childcare request only where the event offers childcare', () => {
    const request = { attendance: 'venue' as const, childcare: { children: 1, ages: '3歳' } };
    expect(childcareAllowed({ childcare: false }, request)).toBe(false);
    expect(childcareAllowed({ childcare: false }, { attendance: 'venue' })).toBe(true);
    expect(childcareAllowed({ childcare: true }, request)).toBe(true);
    expect(childcareAllowed({ childcare: true }, { attendance: 'online' })).toBe(true);
  });
});

describe('refundable', () => {
  it('refunds up to exactly refundDaysBefore days before the start, not a millisecond later', () => {
    const e = { startsAt: event.startsAt, refundDaysBefore: 3 };
    expect(refundable(e, at(START - 3 * DAY - DAY))).toBe(true);
    expect(refundable(e, at(START - 3 * DAY))).toBe(true);
    expect(refundable(e, at(START - 3 * DAY + 1))).toBe(false);
    expect(refundable(e, at(START + HOUR))).toBe(false);
  });

  it('with 0 days, refunds until the start itself', () => {
    const e = { startsAt: event.startsAt, refundDaysBefore: 0 };
    expect(refundable(e, at(START))).toBe(true);
    expect(refundable(e, at(START + 1))).toBe(false);
  });
});

describe('checkinOpen', () => {
  const END = Date.parse(event.endsAt);
  const verdict = (t: number) => {
    const v = checkinOpen(event, at(t));
    return v.ok ? 'open' : v.code;
  };
  it(`opens ${CHECKIN_OPENS_HOURS_BEFORE} hours before the start and closes at the end`, () => {
    expect(verdict(START - 2 * HOUR - 1)).toBe('checkin_not_open');
    expect(verdict(START - 2 * HOUR)).toBe('open');
    expect(verdict(START)).toBe('open');
    expect(verdict(END)).toBe('open');
    expect(verdict(END + 1)).toBe('checkin_closed');
    expect(verdict(END + DAY)).toBe('checkin_closed');
  });
});

describe('canClaim', () => {
  const expires = START - DAY;
  const offer = { status: 'offered' as const, offerExpiresAt: iso(expires) };
  it('claims an offer until the moment it expires', () => {
    expect(canClaim(offer, at(expires - HOUR))).toEqual({ ok: true });
    expect(canClaim(offer, at(expires))).toEqual({ ok: true });
    expect(canClaim(offer, at(expires + 1))).toMatchObject({ ok: false, code: 'offer_expired' });
  });
  it('there is nothing to claim without an offer', () => {
    for (const status of [
      'waitlisted',
      'confirmed',
      'pending_payment',
      'expired',
      'cancelled',
      'entered',
    ] as const)
      expect(canClaim({ status, offerExpiresAt: iso(expires) }, at(expires - HOUR)), status).toMatchObject({
        ok: false,
        code: 'no_offer',
      });
  });
});

describe('canCancelRegistration', () => {
  it('cancels what is still active, once; not what is over', () => {
    for (const status of ['entered', 'waitlisted', 'offered', 'pending_payment', 'confirmed'] as const)
      expect(canCancelRegistration({ status }).ok, status).toBe(true);
    expect(canCancelRegistration({ status: 'cancelled' })).toMatchObject({
      ok: false,
      code: 'already_cancelled',
    });
    expect(canCancelRegistration({ status: 'expired' })).toMatchObject({
      ok: false,
      code: 'already_cancelled',
    });
    expect(canCancelRegistration({ status: 'no_show' })).toMatchObject({ ok: false, code: 'event_over' });
  });
});

/** mulberry32: a small seeded PRNG, so the uniformity test gives the same verdict on every run. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
const seededInt = (seed: number) => {
  const next = mulberry32(seed);
  return (n: number) => Math.floor(next() * n);
};

/** Pearson's chi-square of the counts of every permutation of 4 entries over `draws` shuffles. */
function chiSquare(
  shuffle: (entries: string[]) => string[],
  draws: number,
): { statistic: number; seen: number } {
  const counts = new Map<string, number>();
  for (let i = 0; i < draws; i++) {
    const key = shuffle(['a', 'b', 'c', 'd']).join('');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const expected = draws / 24;
  let statistic = 0;
  for (const n of counts.values()) statistic += (n - expected) ** 2 / expected;
  statistic += (24 - counts.size) * expected; // permutations never drawn
  return { statistic, seen: counts.size };
}
/** The chi-square distribution with 23 degrees of freedom exceeds this with probability 0.001. */
const CHI2_23_P001 = 49.73;
const DRAWS = 24_000;

describe('drawOrder: the lottery’s order', () => {
  it('draws each of the 24 orders of 4 entries equally often (chi-square, p = 0.001), whatever the seed', () => {
    for (const seed of [1, 2026, 0xdeadbeef]) {
      const random = seededInt(seed);
      const { statistic, seen } = chiSquare((entries) => drawOrder(entries, random), DRAWS);
      expect(seen, `seed ${seed}`).toBe(24);
      expect(statistic, `seed ${seed}`).toBeLessThan(CHI2_23_P001);
    }
  });

  it('the same bound catches a biased shuffle (so the test above can fail)', () => {
    const random = seededInt(1);
    const naive = (entries: string[]) => {
      const order = [...entries];
      for (let i = 0; i < order.length; i++) {
        const j = random(order.length); // every position each time: some orders come up more often
        [order[i], order[j]] = [order[j] as string, order[i] as string];
      }
      return order;
    };
    expect(chiSquare(naive, DRAWS).statistic).toBeGreaterThan(CHI2_23_P001 * 4);
  });

  it('puts every entry in exactly once and leaves the entries as they were, with crypto’s randomness too', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.uuid(), { maxLength: 60 }), fc.integer(), (entries, seed) => {
        const before = [...entries];
        for (const random of [seededInt(seed), randomInt]) {
          const order = drawOrder(entries, random);
          expect(order).toHaveLength(entries.length);
          expect([...order].sort()).toEqual([...entries].sort());
        }
        expect(entries).toEqual(before);
      }),
    );
  });

  it('asks the random source for an index below n, n = length … 2 (Fisher–Yates)', () => {
    const asked: number[] = [];
    drawOrder(['a', 'b', 'c', 'd', 'e'], (n) => {
      asked.push(n);
      return n - 1;
    });
    expect(asked).toEqual([5, 4, 3, 2]);
    expect(drawOrder(['a', 'b', 'c'], (n) => n - 1)).toEqual(['a', 'b', 'c']);
    expect(drawOrder([], () => 0)).toEqual([]);
    expect(drawOrder(['only'], () => 0)).toEqual(['only']);
  });
});

describe('drawOutcome', () => {
  it('gives the seats to the first by capacity; the rest wait in drawn order', () => {
    const order = ['r3', 'r1', 'r5', 'r2', 'r4'];
    expect(drawOutcome(order, 2)).toEqual({ winners: ['r3', 'r1'], waitlist: ['r5', 'r2', 'r4'] });
    expect(drawOutcome(order, 0)).toEqual({ winners: [], waitlist: order });
    expect(drawOutcome(order, 5)).toEqual({ winners: order, waitlist: [] });
    expect(drawOutcome(order, 50)).toEqual({ winners: order, waitlist: [] });
    expect(order).toEqual(['r3', 'r1', 'r5', 'r2', 'r4']);
  });
});

describe('checkinCode', () => {
  it(`is ${CODE_LENGTH} characters a person can read aloud: no 0/O, no 1/I/L`, () => {
    expect(CODE_ALPHABET).not.toMatch(/[0O1IL]/);
    expect(new Set(CODE_ALPHABET).size).toBe(CODE_ALPHABET.length);
    const asked: number[] = [];
    let i = 0;
    const code = checkinCode((n) => {
      asked.push(n);
      return i++;
    });
    expect(code).toBe(CODE_ALPHABET.slice(0, CODE_LENGTH));
    expect(asked).toEqual(Array(CODE_LENGTH).fill(CODE_ALPHABET.length));
    expect(checkinCode((n) => n - 1)).toBe((CODE_ALPHABET.at(-1) as string).repeat(CODE_LENGTH));
  });

  it('every code crypto draws is one the check-in accepts as typed', () => {
    const shape = new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`);
    for (let k = 0; k < 500; k++) {
      const code = checkinCode(randomInt);
      expect(code).toMatch(shape);
      expect(CheckinInput.parse({ code: code.toLowerCase() }).code).toBe(code);
    }
  });
});

describe('times', () => {
  it('adds hours to an instant, and writes an instant as people in Japan read it', () => {
    expect(addHours('2027-02-10T13:00:00+09:00', 48)).toBe('2027-02-12T04:00:00.000Z');
    expect(japanTime('2027-02-10T04:00:00Z', 'ja')).toMatch(/13:00（日本時間）$/);
    expect(japanTime('2027-02-10T04:00:00Z', 'en')).toMatch(/13:00 \(Japan time\)$/);
  });
});

describe('positions: places in line from the waitlist’s tickets', () => {
  const reg = (
    id: string,
    status: Registration['status'],
    attendance: 'venue' | 'online',
    waitTicket?: number,
  ) =>
    ({
      id,
      eventId: 'e',
      userId: `u-${id}`,
      status,
      attendance,
      ...(waitTicket !== undefined ? { waitTicket } : {}),
      createdAt: '2027-01-01T00:00:00Z',
      updatedAt: '2027-01-01T00:00:00Z',
    }) as Registration;

  it('counts 1…n per mode in ticket order, over the gaps left by those who left the line', () => {
    const list = [
      reg('v12', 'waitlisted', 'venue', 12),
      reg('o2', 'waitlisted', 'online', 2),
      reg('v3', 'waitlisted', 'venue', 3),
      reg('v5', 'offered', 'venue', 5), // moved out of the line: no place
      reg('v7', 'waitlisted', 'venue', 7),
      reg('v8', 'cancelled', 'venue', 8),
      reg('o9', 'waitlisted', 'online', 9),
      reg('c', 'confirmed', 'venue'),
    ];
    expect(Object.fromEntries(positions(list))).toEqual({ v3: 1, v7: 2, v12: 3, o2: 1, o9: 2 });
  });

  it('gives every one waiting a place, exactly once, whatever the tickets', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 10_000 }), { maxLength: 80 }),
        fc.array(fc.constantFrom('venue', 'online')),
        (tickets, modes) => {
          const list = tickets.map((t, i) => reg(`r${t}`, 'waitlisted', modes[i] ?? 'venue', t));
          const places = positions(list);
          expect(places.size).toBe(list.length);
          for (const mode of ['venue', 'online']) {
            const ofMode = list
              .filter((r) => r.attendance === mode)
              .sort((a, b) => (a.waitTicket ?? 0) - (b.waitTicket ?? 0));
            expect(ofMode.map((r) => places.get(r.id))).toEqual(ofMode.map((_, k) => k + 1));
          }
        },
      ),
    );
  });
});
