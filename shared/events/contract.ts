import { placeFields } from '../regions/contract.ts';
import * as z from '../zod-mini.ts';
import { ATTENDANCE, EVENT_KINDS, EVENT_STATUSES, REGISTRATION_STATUSES, SELECTIONS } from './rules.ts';

const perMode = /* @__PURE__ */ z.pure(() =>
  z.object({ venue: z.number().check(z.int()), online: z.number().check(z.int()) }),
);

/** An event as everyone sees it (./view.ts): its fields, its place's names, seats left and people waiting. */
export const EventOut = /* @__PURE__ */ z.pure(() =>
  z.object({
    id: z.string(),
    status: z.enum(EVENT_STATUSES),
    kind: z.enum(EVENT_KINDS),
    title: z.string(),
    description: z.string(),
    ...placeFields,
    venueName: z.optional(z.string()),
    startsAt: z.string(),
    endsAt: z.string(),
    signupDeadline: z.string(),
    venueCapacity: z.number().check(z.int()),
    onlineCapacity: z.number().check(z.int()),
    feeJpy: z.number().check(z.int()),
    selection: z.enum(SELECTIONS),
    childcare: z.boolean(),
    claimWindowHours: z.number().check(z.int()),
    refundDaysBefore: z.number().check(z.int()),
    regionCode: z.string(),
    seatsLeft: perMode,
    waitlisted: perMode,
    /** Lottery entries before the draw. */
    entered: perMode,
    drawnAt: z.optional(z.string()),
    createdAt: z.string(),
    updatedAt: z.string(),
    publishedAt: z.optional(z.string()),
    cancelledAt: z.optional(z.string()),
  }),
);
export type EventOut = z.output<typeof EventOut>;

export const EventPage = /* @__PURE__ */ z.pure(() =>
  z.object({ items: z.array(EventOut), nextCursor: z.nullable(z.string()) }),
);

/** What the person signing up learns at once. */
export const RegistrationOut = /* @__PURE__ */ z.pure(() =>
  z.object({
    id: z.string(),
    eventId: z.string(),
    status: z.enum(REGISTRATION_STATUSES),
    attendance: z.enum(ATTENDANCE),
    waitlistPosition: z.optional(z.number().check(z.int())),
    code: z.optional(z.string()),
    checkoutUrl: z.optional(z.string()),
    offerExpiresAt: z.optional(z.string()),
    holdExpiresAt: z.optional(z.string()),
    refundedJpy: z.optional(z.number().check(z.int())),
  }),
);
export type RegistrationOut = z.output<typeof RegistrationOut>;

/** One of my registrations, with what I need of its event. */
export const MyRegistration = /* @__PURE__ */ z.pure(() =>
  z.extend(RegistrationOut, {
    title: z.string(),
    kind: z.enum(EVENT_KINDS),
    startsAt: z.string(),
    endsAt: z.string(),
    venueName: z.optional(z.string()),
    municipalityName: z.string(),
    municipalityNameEn: z.string(),
    feeJpy: z.number().check(z.int()),
    refundDaysBefore: z.number().check(z.int()),
    eventStatus: z.enum(EVENT_STATUSES),
    checkedInAt: z.optional(z.string()),
    createdAt: z.string(),
  }),
);
export type MyRegistration = z.output<typeof MyRegistration>;
export const MyRegistrationPage = /* @__PURE__ */ z.pure(() =>
  z.object({
    items: z.array(MyRegistration),
    nextCursor: z.nullable(z.string()),
  }),
);

/** A registration as the event's staff see it (also the CSV's columns). */
export const EventRegistration = /* @__PURE__ */ z.pure(() =>
  z.object({
    id: z.string(),
    userId: z.string(),
    displayName: z.string(),
    email: z.optional(z.string()),
    role: z.string(),
    status: z.enum(REGISTRATION_STATUSES),
    attendance: z.enum(ATTENDANCE),
    waitlistPosition: z.optional(z.number().check(z.int())),
    childcare: z.optional(z.object({ children: z.number().check(z.int()), ages: z.string() })),
    paidJpy: z.optional(z.number().check(z.int())),
    refundedJpy: z.optional(z.number().check(z.int())),
    checkedInAt: z.optional(z.string()),
    createdAt: z.string(),
  }),
);
export type EventRegistration = z.output<typeof EventRegistration>;
export const EventRegistrationList = /* @__PURE__ */ z.pure(() =>
  z.object({
    items: z.array(EventRegistration),
    nextCursor: z.nullable(z.string()),
  }),
);

export const CheckinOut = /* @__PURE__ */ z.pure(() =>
  z.object({
    checkedInAt: z.string(),
    displayName: z.string(),
    attendance: z.enum(ATTENDANCE),
    /** True when this code had been checked in before: the same time is answered, nothing new is written. */
    already: z.boolean(),
  }),
);

/** The lottery's record: when, with what randomness, and the order it gave, so staff can show it was fair. */
export const DrawOut = /* @__PURE__ */ z.pure(() =>
  z.object({
    eventId: z.string(),
    drawnAt: z.string(),
    method: z.string(),
    modes: z.array(
      z.object({
        attendance: z.enum(ATTENDANCE),
        capacity: z.number().check(z.int()),
        entries: z.number().check(z.int()),
        order: z.array(
          z.object({
            rank: z.number().check(z.int()),
            registrationId: z.string(),
            displayName: z.string(),
            won: z.boolean(),
          }),
        ),
      }),
    ),
  }),
);
export type DrawOut = z.output<typeof DrawOut>;
