import { municipalityCode, PageQuery, text } from '../domain/fields.ts';
import * as z from '../zod-mini.ts';

/**
 * Tours and seminars (BRIEF 2.4): what an event is, who may sign up how, and every time rule.
 * Pure: no AWS, Stripe or data code; the web app imports these schemas and limits.
 */
export const EVENT_KINDS = ['tour', 'seminar'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
export const SELECTIONS = ['first_come', 'lottery'] as const;
export type Selection = (typeof SELECTIONS)[number];
export const ATTENDANCE = ['venue', 'online'] as const;
export type Attendance = (typeof ATTENDANCE)[number];
export const EVENT_STATUSES = ['draft', 'published', 'cancelled'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

/**
 * A registration's life: entered (lottery, before the draw) · waitlisted → offered → (pending_payment →)
 * confirmed → checked in or no_show; cancelled by the person or with the event; expired (an offer or a paid
 * hold that ran out).
 */
export const REGISTRATION_STATUSES = [
  'entered',
  'waitlisted',
  'offered',
  'pending_payment',
  'confirmed',
  'cancelled',
  'expired',
  'no_show',
] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/** Statuses that hold a seat of the event's capacity (counted in its `taken` counter). */
export const HOLDS_SEAT: readonly RegistrationStatus[] = ['offered', 'pending_payment', 'confirmed'];

export const CAPACITY_MAX = 10_000;
export const FEE_MAX_JPY = 1_000_000;
export const CLAIM_WINDOW_HOURS = { default: 48, min: 1, max: 168 } as const;
export const REFUND_DAYS_BEFORE = { default: 3, min: 0, max: 60 } as const;
/** A paid seat is held this long while its holder pays (the Checkout Session's expiry; Stripe's minimum). */
export const PAYMENT_HOLD_MINUTES = 30;
/** A lottery winner of a paid event has a day to pay (Stripe's longest Checkout Session). */
export const LOTTERY_PAYMENT_HOURS = 24;
export const CHECKIN_OPENS_HOURS_BEFORE = 2;
export const REMINDER_DAYS_BEFORE = 2;
export const CHILDREN_MAX = 10;
/** The longest an event may last: a coming event started at most this long ago. */
export const LONGEST_EVENT_DAYS = 7;

/** ISO 8601 with an offset (`2027-02-10T13:00:00+09:00`): the instant is unambiguous wherever it is read. */
export const instant = /* @__PURE__ */ z.pure(() =>
  z.iso.datetime({
    offset: true,
    message: 'A time is ISO 8601 with an offset, e.g. 2027-02-10T13:00:00+09:00.',
  }),
);
const capacity = /* @__PURE__ */ z.pure(() =>
  z.int('A capacity is a whole number.').check(z.gte(0), z.lte(CAPACITY_MAX)),
);

const eventFields = /* @__PURE__ */ z.pure(() => ({
  kind: z.enum(EVENT_KINDS),
  title: text(100),
  description: text(4000),
  municipalityCode,
  venueName: z.optional(text(200)),
  startsAt: instant,
  endsAt: instant,
  signupDeadline: instant,
  venueCapacity: capacity,
  onlineCapacity: capacity,
  feeJpy: z.int('A fee is whole yen.').check(z.gte(0), z.lte(FEE_MAX_JPY)),
  selection: z.enum(SELECTIONS),
  childcare: z.boolean(),
  claimWindowHours: z.optional(z.int().check(z.gte(CLAIM_WINDOW_HOURS.min), z.lte(CLAIM_WINDOW_HOURS.max))),
  refundDaysBefore: z.optional(z.int().check(z.gte(REFUND_DAYS_BEFORE.min), z.lte(REFUND_DAYS_BEFORE.max))),
}));

type Timed = {
  kind?: EventKind | undefined;
  startsAt?: string | undefined;
  endsAt?: string | undefined;
  signupDeadline?: string | undefined;
  venueCapacity?: number | undefined;
  onlineCapacity?: number | undefined;
  feeJpy?: number | undefined;
};

/** The rules between fields, as issues with the path of the field to change. */
export function eventIssues(e: Timed): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  const t = (s: string | undefined) => (s ? Date.parse(s) : undefined);
  const starts = t(e.startsAt);
  const ends = t(e.endsAt);
  const deadline = t(e.signupDeadline);
  if (starts !== undefined && ends !== undefined && ends <= starts)
    issues.push({ path: 'endsAt', message: 'An event ends after it starts.' });
  if (starts !== undefined && ends !== undefined && ends - starts > LONGEST_EVENT_DAYS * 86_400_000)
    issues.push({ path: 'endsAt', message: `An event lasts at most ${LONGEST_EVENT_DAYS} days.` });
  if (starts !== undefined && deadline !== undefined && deadline > starts)
    issues.push({ path: 'signupDeadline', message: 'Sign-ups close at or before the start.' });
  if (e.kind === 'tour' && e.onlineCapacity !== undefined && e.onlineCapacity > 0)
    issues.push({
      path: 'onlineCapacity',
      message: 'A tour is at the venue only: its online capacity is 0.',
    });
  if (
    e.venueCapacity !== undefined &&
    e.onlineCapacity !== undefined &&
    e.venueCapacity + e.onlineCapacity === 0
  )
    issues.push({
      path: 'venueCapacity',
      message: 'An event has at least one seat, at the venue or online.',
    });
  if (e.feeJpy !== undefined && e.feeJpy > 0 && e.feeJpy < 50)
    issues.push({
      path: 'feeJpy',
      message: 'A paid event costs at least ¥50 (Stripe’s minimum); 0 means free.',
    });
  return issues;
}

const withIssues = <T extends z.ZodMiniType<Timed>>(schema: T) =>
  schema.check(
    z.superRefine((e: Timed, ctx) => {
      for (const issue of eventIssues(e))
        ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
    }),
  );

/** `POST /v1/events`. The region is the caller's; the municipality must be in it. */
export const EventInput = /* @__PURE__ */ z.pure(() => withIssues(z.strictObject(eventFields)));
export type EventInput = z.output<typeof EventInput>;

/** `PATCH /v1/events/{id}` while draft: any fields, at least one; the result must still hold together. */
export const EventPatch = /* @__PURE__ */ z.pure(() =>
  z
    .partial(z.strictObject(eventFields))
    .check(z.refine((p) => Object.keys(p).length > 0, 'Change at least one field.')),
);
export type EventPatch = z.output<typeof EventPatch>;

/** `POST /v1/events/{id}/registrations`. */
export const RegistrationInput = /* @__PURE__ */ z.pure(() =>
  z.strictObject({
    attendance: z.enum(ATTENDANCE),
    childcare: z.optional(
      z.strictObject({
        children: z.int().check(z.gte(1), z.lte(CHILDREN_MAX)),
        ages: text(200),
      }),
    ),
  }),
);
export type RegistrationInput = z.output<typeof RegistrationInput>;

/** `GET /v1/events`: public, published only, soonest first. */
export const EventQuery = /* @__PURE__ */ z.pure(() =>
  z.strictObject({
    prefecture: z.optional(z.string().check(z.regex(/^\d{2}$/, 'A prefecture code has 2 digits.'))),
    municipality: z.optional(z.string().check(z.regex(/^\d{5}$/, 'A municipality code has 5 digits.'))),
    kind: z.optional(z.enum(EVENT_KINDS)),
    from: z.optional(instant),
    cursor: z.optional(z.string().check(z.maxLength(2000))),
    limit: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(50))),
  }),
);
export type EventQuery = z.output<typeof EventQuery>;

export const CursorQuery = /* @__PURE__ */ z.pure(() =>
  z.strictObject({
    cursor: z.optional(z.string().check(z.maxLength(2000))),
    limit: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(100))),
  }),
);

/** `GET /v1/me/events`: the region's coming events (not ended yet, soonest first) or its past ones (latest first). */
export const MyEventsQuery = /* @__PURE__ */ z.pure(() =>
  z.extend(PageQuery, { when: z._default(z.enum(['coming', 'past']), 'coming') }),
);

/** `GET /v1/events/{id}/registrations`: JSON a page at a time, or every registration as a CSV for a spreadsheet. */
export const RegistrationListQuery = /* @__PURE__ */ z.pure(() =>
  z.extend(PageQuery, { format: z.optional(z.enum(['json', 'csv'])) }),
);

/** Check-in codes: 8 characters a person can read aloud (no 0/O, 1/I/L). */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 8;
export const CheckinInput = /* @__PURE__ */ z.pure(() =>
  z.strictObject({
    code: z
      .string()
      .check(
        z.trim(),
        z.toUpperCase(),
        z.regex(
          new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`),
          `A code is ${CODE_LENGTH} letters and digits.`,
        ),
      ),
  }),
);

export type EventTimes = { startsAt: string; endsAt: string; signupDeadline: string };
export type Capacities = { venueCapacity: number; onlineCapacity: number };

/** The capacity of one attendance mode. */
export const capacityOf = (e: Capacities, mode: Attendance) =>
  mode === 'venue' ? e.venueCapacity : e.onlineCapacity;

export type Verdict = { ok: true } | { ok: false; code: string; reason: string };
const no = (code: string, reason: string): Verdict => ({ ok: false, code, reason });
const yes: Verdict = { ok: true };

type Signable = EventTimes &
  Capacities & { status: EventStatus; childcare: boolean; selection: Selection; drawnAt?: string };

/** May someone sign up now, in this mode, with this childcare request? */
export function canSignUp(e: Signable, input: RegistrationInput, at: Date): Verdict {
  if (e.status === 'cancelled') return no('event_cancelled', 'This event has been cancelled.');
  if (e.status !== 'published') return no('not_published', 'This event is not open for sign-ups.');
  if (at.getTime() >= Date.parse(e.signupDeadline))
    return no('signups_closed', 'Sign-ups for this event have closed.');
  if (e.selection === 'lottery' && e.drawnAt) return no('signups_closed', 'The lottery has been drawn.');
  if (capacityOf(e, input.attendance) === 0)
    return no(
      'no_such_attendance',
      input.attendance === 'online'
        ? 'This event has no online seats.'
        : 'This event has no seats at the venue.',
    );
  return yes;
}

/** Childcare is asked for only where the event offers it (a 400, not a conflict: the input is wrong). */
export const childcareAllowed = (e: { childcare: boolean }, input: RegistrationInput) =>
  e.childcare || !input.childcare;

/** Does cancelling now refund a paid ticket in full? Up to `refundDaysBefore` whole days before the start. */
export function refundable(e: { startsAt: string; refundDaysBefore: number }, at: Date): boolean {
  return at.getTime() <= Date.parse(e.startsAt) - e.refundDaysBefore * 86_400_000;
}

/** Check-in opens two hours before the start and closes when the event ends. */
export function checkinOpen(e: { startsAt: string; endsAt: string }, at: Date): Verdict {
  if (at.getTime() < Date.parse(e.startsAt) - CHECKIN_OPENS_HOURS_BEFORE * 3_600_000)
    return no('checkin_not_open', `Check-in opens ${CHECKIN_OPENS_HOURS_BEFORE} hours before the start.`);
  if (at.getTime() > Date.parse(e.endsAt)) return no('checkin_closed', 'This event has ended.');
  return yes;
}

/** May an offered seat be claimed now? */
export function canClaim(r: { status: RegistrationStatus; offerExpiresAt?: string }, at: Date): Verdict {
  if (r.status !== 'offered') return no('no_offer', 'You have no seat on offer for this event.');
  if (r.offerExpiresAt && at.getTime() > Date.parse(r.offerExpiresAt))
    return no('offer_expired', 'The offer has expired; the seat has gone to the next person waiting.');
  return yes;
}

export function canCancelRegistration(r: { status: RegistrationStatus }): Verdict {
  if (r.status === 'cancelled' || r.status === 'expired')
    return no('already_cancelled', 'This registration is no longer active.');
  if (r.status === 'no_show') return no('event_over', 'This event is over.');
  return yes;
}

export const addHours = (iso: string | Date, hours: number) =>
  new Date(new Date(iso).getTime() + hours * 3_600_000).toISOString();

/**
 * A uniformly random order of the entries (Fisher–Yates). `randomInt(n)` returns an integer in [0, n):
 * crypto's in the product, a seeded one in the unit test of uniformity.
 */
export function drawOrder<T>(entries: readonly T[], randomInt: (n: number) => number): T[] {
  const order = [...entries];
  for (let i = order.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [order[i], order[j]] = [order[j] as T, order[i] as T];
  }
  return order;
}

/** The outcome of a draw in one mode: the first `capacity` win a seat, the rest wait in drawn order. */
export function drawOutcome<T>(order: readonly T[], capacity: number): { winners: T[]; waitlist: T[] } {
  return { winners: order.slice(0, capacity), waitlist: order.slice(capacity) };
}

/** A new check-in code from a source of random integers. */
export function checkinCode(randomInt: (n: number) => number): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** An instant as people in Japan read it, whatever zone the server runs in. */
export const japanTime = (iso: string, lang: 'ja' | 'en') =>
  new Intl.DateTimeFormat(lang === 'ja' ? 'ja-JP' : 'en-GB', {
    timeZone: 'Asia/Tokyo',
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(iso)) + (lang === 'ja' ? '（日本時間）' : ' (Japan time)');
