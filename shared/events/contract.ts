import * as z from 'zod';
import { ATTENDANCE, EVENT_KINDS, EVENT_STATUSES, REGISTRATION_STATUSES, SELECTIONS } from './rules.ts';

const perMode = z.object({ venue: z.number().int(), online: z.number().int() });

/** An event as everyone sees it (./view.ts): its fields, its place's names, seats left and people waiting. */
export const EventOut = z.object({
  id: z.string(),
  status: z.enum(EVENT_STATUSES),
  kind: z.enum(EVENT_KINDS),
  title: z.string(),
  description: z.string(),
  municipalityCode: z.string(),
  prefectureCode: z.string(),
  municipalityName: z.string(),
  municipalityNameEn: z.string(),
  prefectureName: z.string(),
  prefectureNameEn: z.string(),
  venueName: z.string().optional(),
  startsAt: z.string(),
  endsAt: z.string(),
  signupDeadline: z.string(),
  venueCapacity: z.number().int(),
  onlineCapacity: z.number().int(),
  feeJpy: z.number().int(),
  selection: z.enum(SELECTIONS),
  childcare: z.boolean(),
  claimWindowHours: z.number().int(),
  refundDaysBefore: z.number().int(),
  regionCode: z.string(),
  seatsLeft: perMode,
  waitlisted: perMode,
  /** Lottery entries before the draw. */
  entered: perMode,
  drawnAt: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  publishedAt: z.string().optional(),
  cancelledAt: z.string().optional(),
});
export type EventOut = z.output<typeof EventOut>;

export const EventPage = z.object({ items: z.array(EventOut), nextCursor: z.string().nullable() });

/** What the person signing up learns at once. */
export const RegistrationOut = z.object({
  id: z.string(),
  eventId: z.string(),
  status: z.enum(REGISTRATION_STATUSES),
  attendance: z.enum(ATTENDANCE),
  waitlistPosition: z.number().int().optional(),
  code: z.string().optional(),
  checkoutUrl: z.string().optional(),
  offerExpiresAt: z.string().optional(),
  holdExpiresAt: z.string().optional(),
  refundedJpy: z.number().int().optional(),
});
export type RegistrationOut = z.output<typeof RegistrationOut>;

/** One of my registrations, with what I need of its event. */
export const MyRegistration = RegistrationOut.extend({
  title: z.string(),
  kind: z.enum(EVENT_KINDS),
  startsAt: z.string(),
  endsAt: z.string(),
  venueName: z.string().optional(),
  municipalityName: z.string(),
  municipalityNameEn: z.string(),
  feeJpy: z.number().int(),
  refundDaysBefore: z.number().int(),
  eventStatus: z.enum(EVENT_STATUSES),
  checkedInAt: z.string().optional(),
  createdAt: z.string(),
});
export type MyRegistration = z.output<typeof MyRegistration>;
export const MyRegistrationPage = z.object({
  items: z.array(MyRegistration),
  nextCursor: z.string().nullable(),
});

/** A registration as the event's staff see it (also the CSV's columns). */
export const EventRegistration = z.object({
  id: z.string(),
  userId: z.string(),
  displayName: z.string(),
  email: z.string().optional(),
  role: z.string(),
  status: z.enum(REGISTRATION_STATUSES),
  attendance: z.enum(ATTENDANCE),
  waitlistPosition: z.number().int().optional(),
  childcare: z.object({ children: z.number().int(), ages: z.string() }).optional(),
  paidJpy: z.number().int().optional(),
  refundedJpy: z.number().int().optional(),
  checkedInAt: z.string().optional(),
  createdAt: z.string(),
});
export type EventRegistration = z.output<typeof EventRegistration>;
export const EventRegistrationList = z.object({
  items: z.array(EventRegistration),
  nextCursor: z.string().nullable(),
});

export const CheckinOut = z.object({
  checkedInAt: z.string(),
  displayName: z.string(),
  attendance: z.enum(ATTENDANCE),
  /** True when this code had been checked in before: the same time is answered, nothing new is written. */
  already: z.boolean(),
});

/** The lottery's record: when, with what randomness, and the order it gave, so staff can show it was fair. */
export const DrawOut = z.object({
  eventId: z.string(),
  drawnAt: z.string(),
  method: z.string(),
  modes: z.array(
    z.object({
      attendance: z.enum(ATTENDANCE),
      capacity: z.number().int(),
      entries: z.number().int(),
      order: z.array(
        z.object({
          rank: z.number().int(),
          registrationId: z.string(),
          displayName: z.string(),
          won: z.boolean(),
        }),
      ),
    }),
  ),
});
export type DrawOut = z.output<typeof DrawOut>;
