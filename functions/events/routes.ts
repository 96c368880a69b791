import { Id } from '#shared/domain/fields.ts';
import {
  CheckinOut,
  DrawOut,
  EventOut,
  EventPage,
  EventRegistrationList,
  MyRegistrationPage,
  RegistrationOut,
} from '#shared/events/contract.ts';
import {
  CheckinInput,
  CursorQuery,
  EventInput,
  EventPatch,
  EventQuery,
  MyEventsQuery,
  RegistrationInput,
  RegistrationListQuery,
} from '#shared/events/rules.ts';
import { line } from '#shared/http/route.ts';

/** The events context's lines: region staff run tours and seminars, people sign up, staff check them in. */
export const createEvent = /* @__PURE__ */ line('POST /v1/events', {
  handler: 'events/create-event',
  access: ['region_staff'],
  tag: 'events',
  summary: 'Region staff create a draft tour or seminar in a municipality of their own region (else 403).',
  needs: { table: 'write' },
  body: EventInput,
  response: EventOut,
});

export const editEvent = /* @__PURE__ */ line('PATCH /v1/events/{id}', {
  handler: 'events/edit-event',
  access: ['region_staff'],
  tag: 'events',
  summary: 'Its staff change a draft event (a published one → 409).',
  needs: { table: 'write' },
  params: Id,
  body: EventPatch,
  response: EventOut,
});

export const publishEvent = /* @__PURE__ */ line('POST /v1/events/{id}/publish', {
  handler: 'events/publish-event',
  access: ['region_staff'],
  tag: 'events',
  summary: 'Its staff open a draft event for sign-ups; it is listed from now on.',
  needs: { table: 'write' },
  params: Id,
  response: EventOut,
});

export const cancelEvent = /* @__PURE__ */ line('POST /v1/events/{id}/cancel', {
  handler: 'events/cancel-event',
  access: ['region_staff'],
  tag: 'events',
  summary: 'Its staff cancel the event: everyone registered is told, paid tickets are refunded in full.',
  needs: { table: 'write', stripe: true, mail: true },
  params: Id,
  response: EventOut,
});

export const browseEvents = /* @__PURE__ */ line('GET /v1/events', {
  handler: 'events/browse-events',
  access: 'public',
  tag: 'events',
  summary: 'Published events from `from` (default now), soonest first, by prefecture, municipality and kind.',
  needs: { table: 'read' },
  query: EventQuery,
  response: EventPage,
});

export const getEvent = /* @__PURE__ */ line('GET /v1/events/{id}', {
  handler: 'events/get-event',
  access: 'optional',
  tag: 'events',
  summary: 'One event with seats left and people waiting per mode; a draft shows only to its staff.',
  needs: { table: 'read' },
  params: Id,
  response: EventOut,
});

export const eventCalendar = /* @__PURE__ */ line('GET /v1/events/{id}/calendar.ics', {
  handler: 'events/event-calendar',
  access: 'public',
  tag: 'events',
  summary: 'The event as an iCalendar file (stable UID, Asia/Tokyo times).',
  needs: { table: 'read' },
  params: Id,
  produces: 'text/calendar',
});

export const myEvents = /* @__PURE__ */ line('GET /v1/me/events', {
  handler: 'events/my-events',
  access: ['region_staff'],
  tag: 'events',
  summary:
    "The events of the calling staff's region, drafts included, a page at a time: when=coming (default; not ended yet, soonest first) or when=past (latest first).",
  needs: { table: 'read' },
  query: MyEventsQuery,
  response: EventPage,
});

export const register = /* @__PURE__ */ line('POST /v1/events/{id}/registrations', {
  handler: 'events/register',
  access: ['professional', 'firm'],
  tag: 'events',
  summary:
    'Sign up: confirmed (with a check-in code), waitlisted (with a position), pending_payment (checkoutUrl) or entered (lottery). Again → 409.',
  needs: { table: 'write', stripe: true, mail: true },
  params: Id,
  body: RegistrationInput,
  response: RegistrationOut,
});

export const myRegistrations = /* @__PURE__ */ line('GET /v1/me/registrations', {
  handler: 'events/my-registrations',
  access: ['professional', 'firm'],
  tag: 'events',
  summary: "The caller's registrations, newest first, with waitlist positions, offers and codes.",
  needs: { table: 'read' },
  query: CursorQuery,
  response: MyRegistrationPage,
});

export const cancelRegistration = /* @__PURE__ */ line('DELETE /v1/events/{id}/registrations/me', {
  handler: 'events/cancel-registration',
  access: ['professional', 'firm'],
  tag: 'events',
  summary:
    'Cancel my registration: a paid ticket is refunded up to refundDaysBefore days before the start; the seat is offered to the next person waiting.',
  needs: { table: 'write', stripe: true, mail: true },
  params: Id,
  response: RegistrationOut,
});

export const claimSeat = /* @__PURE__ */ line('POST /v1/events/{id}/registrations/me/claim', {
  handler: 'events/claim-seat',
  access: ['professional', 'firm'],
  tag: 'events',
  summary: 'Claim the seat offered to me within its window: confirmed, or pending_payment for a paid event.',
  needs: { table: 'write', stripe: true, mail: true },
  params: Id,
  response: RegistrationOut,
});

export const registrationCalendar = /* @__PURE__ */ line(
  'GET /v1/events/{id}/registrations/me/calendar.ics',
  {
    handler: 'events/registration-calendar',
    access: ['professional', 'firm'],
    tag: 'events',
    summary: 'My registration as an iCalendar file, with my check-in code.',
    needs: { table: 'read' },
    params: Id,
    produces: 'text/calendar',
  },
);

export const eventRegistrations = /* @__PURE__ */ line('GET /v1/events/{id}/registrations', {
  handler: 'events/event-registrations',
  access: ['region_staff'],
  tag: 'events',
  summary:
    "Its staff's list of registrations in sign-up order, a page at a time (status, attendance, childcare, check-in). format=csv: every one as CSV with a BOM.",
  needs: { table: 'read' },
  params: Id,
  query: RegistrationListQuery,
  response: EventRegistrationList,
  produces: 'text/csv',
});

export const checkIn = /* @__PURE__ */ line('POST /v1/events/{id}/checkins', {
  handler: 'events/check-in',
  access: ['region_staff'],
  tag: 'events',
  summary:
    'Its staff check a code in from 2 hours before the start: the time (a second scan answers the same).',
  needs: { table: 'write' },
  params: Id,
  body: CheckinInput,
  response: CheckinOut,
});

export const eventDraw = /* @__PURE__ */ line('GET /v1/events/{id}/draw', {
  handler: 'events/event-draw',
  access: ['region_staff'],
  tag: 'events',
  summary: "A lottery event's draw: when, how, and the order it gave per mode.",
  needs: { table: 'read' },
  params: Id,
  response: DrawOut,
});
