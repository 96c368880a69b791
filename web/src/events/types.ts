/**
 * What the events API returns and accepts: the shared contract (shared/events), imported rather than copied.
 */
import type * as z from 'zod';
import type {
  CheckinOut as CheckinOutSchema,
  EventPage as EventPageSchema,
  MyRegistrationPage as MyRegistrationPageSchema,
} from '#shared/events/contract.ts';

export type {
  DrawOut,
  EventOut,
  EventRegistration,
  MyRegistration,
  RegistrationOut,
} from '#shared/events/contract.ts';
export type {
  Attendance,
  EventInput,
  EventKind,
  EventPatch,
  EventStatus,
  RegistrationInput,
  RegistrationStatus,
  Selection,
} from '#shared/events/rules.ts';
export { ATTENDANCE, EVENT_KINDS, REGISTRATION_STATUSES, SELECTIONS } from '#shared/events/rules.ts';

export type EventPage = z.output<typeof EventPageSchema>;
export type MyRegistrationPage = z.output<typeof MyRegistrationPageSchema>;
export type CheckinOut = z.output<typeof CheckinOutSchema>;
