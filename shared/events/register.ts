import { randomInt, randomUUID } from 'node:crypto';
import type { User } from '../accounts/user.entity.ts';
import { cancellationReasons, retryOnConflict } from '../data/transaction.ts';
import { ConflictError, NotFoundError, ValidationError } from '../domain/errors.ts';
import type { RegistrationOut } from './contract.ts';
import { events, type KakehashiEvent } from './event.entity.ts';
import { fillSeats } from './fill-seats.ts';
import { eventMails } from './mails.ts';
import { notify } from './notify.ts';
import { type Registration, registrations } from './registration.entity.ts';
import {
  canSignUp,
  capacityOf,
  checkinCode,
  childcareAllowed,
  PAYMENT_HOLD_MINUTES,
  type RegistrationInput,
} from './rules.ts';
import { expireCheckout, ticketCheckout } from './ticket-checkout.ts';
import { registrationView } from './view.ts';

const refused = (error: unknown) =>
  (error as Error).name === 'TransactionCanceledException' ? cancellationReasons(error) : undefined;
const already = () => new ConflictError('You are already signed up for this event.', 'already_registered');

/**
 * Someone signs up for an event.
 * 1. The event must be published, before its deadline, with seats in that mode; childcare only where offered.
 * 2. A lottery: an entry until the draw. First come: a seat if one is free (confirmed with a code, or held
 *    while a paid ticket is paid for), else the end of the mode's line. Each is one transaction with the
 *    event's counter under its capacity condition, so seats are never oversold however many arrive at once;
 *    a conflict with a concurrent sign-up is retried here, and a seat taken meanwhile sends us to the line.
 * 3. Mail what happened.
 */
export async function register(
  person: User,
  eventId: string,
  input: RegistrationInput,
  at: Date,
): Promise<RegistrationOut> {
  const event = await events.get(eventId);
  if (!event || event.status === 'draft') throw new NotFoundError('No such event.');
  if (!childcareAllowed(event, input))
    throw new ValidationError('This event offers no childcare.', [
      { path: 'body.childcare', message: 'This event offers no childcare: leave it out.' },
    ]);
  const verdict = canSignUp(event, input, at);
  if (!verdict.ok) {
    if (verdict.code === 'no_such_attendance')
      throw new ValidationError(verdict.reason, [{ path: 'body.attendance', message: verdict.reason }]);
    throw new ConflictError(verdict.reason, verdict.code);
  }
  const base: Registration = {
    id: randomUUID(),
    eventId,
    userId: person.userId,
    attendance: input.attendance,
    status: 'entered',
    ...(input.childcare ? { childcare: input.childcare } : {}),
    createdAt: at.toISOString(),
    updatedAt: at.toISOString(),
  };
  const r = event.selection === 'lottery' ? await enter(base) : await firstCome(event, person, base, at);
  await mailOutcome(event, person, r.registration, r.position);
  return registrationView(r.registration, r.position);
}

async function enter(r: Registration) {
  try {
    await retryOnConflict(() => registrations.enter(r));
  } catch (error) {
    const reasons = refused(error);
    if (reasons?.[0] === 'ConditionalCheckFailed') throw already();
    if (reasons?.[1] === 'ConditionalCheckFailed')
      throw new ConflictError('The lottery has been drawn.', 'signups_closed');
    throw error;
  }
  return { registration: r, position: undefined };
}

async function firstCome(event: KakehashiEvent, person: User, base: Registration, at: Date) {
  const mode = base.attendance;
  const capacity = capacityOf(event, mode);
  let read = event;
  for (let round = 0; round < 100; round++) {
    if (read[`${mode}Taken`] < capacity) {
      const seat = await trySeat(read, person, base, capacity);
      if (seat) return { registration: seat, position: undefined };
    } else {
      const waiting = await tryWaitlist(base, capacity, at);
      if (waiting) return waiting;
    }
    const fresh = await events.get(event.id);
    if (fresh?.status !== 'published')
      throw new ConflictError('This event is not open for sign-ups.', 'not_published');
    read = fresh;
  }
  throw new ConflictError('Many people are signing up right now. Please try again.', 'busy');
}

/** A seat: the registration, or undefined when the seat went meanwhile. */
async function trySeat(event: KakehashiEvent, person: User, base: Registration, capacity: number) {
  const hold =
    event.feeJpy > 0 ? await ticketCheckout(event, person, base.id, PAYMENT_HOLD_MINUTES) : undefined;
  for (let codeTry = 0; codeTry < 3; codeTry++) {
    const r: Registration = hold
      ? { ...base, status: 'pending_payment', ...hold }
      : { ...base, status: 'confirmed', code: checkinCode(randomInt) };
    try {
      await retryOnConflict(() => registrations.takeSeat(r, capacity));
      return r;
    } catch (error) {
      const reasons = refused(error);
      if (!reasons) throw error;
      if (reasons[2] === 'ConditionalCheckFailed' && !hold) continue; // a code collision: draw another
      if (hold) await expireCheckout(hold);
      if (reasons[0] === 'ConditionalCheckFailed') throw already();
      if (reasons[1] === 'ConditionalCheckFailed') return undefined;
      throw error;
    }
  }
  return undefined;
}

/** A place at the end of the line, or undefined when a seat came free meanwhile. */
async function tryWaitlist(base: Registration, capacity: number, at: Date) {
  const ticket = await events.nextWaitTicket(base.eventId, base.attendance);
  const r: Registration = { ...base, status: 'waitlisted', waitTicket: ticket };
  try {
    await retryOnConflict(() => registrations.joinWaitlist(r, capacity));
  } catch (error) {
    const reasons = refused(error);
    if (reasons?.[0] === 'ConditionalCheckFailed') throw already();
    if (reasons?.[1] === 'ConditionalCheckFailed') return undefined;
    throw error;
  }
  // A seat freed while we joined the line finds nobody waiting yet: look again now that we are in it.
  await fillSeats(base.eventId, base.attendance, at);
  const now = (await registrations.get(base.eventId, base.userId)) ?? r;
  return { registration: now, position: await registrations.position(now) };
}

async function mailOutcome(event: KakehashiEvent, person: User, r: Registration, position?: number) {
  const to = person.email;
  if (r.status === 'confirmed' && r.code)
    return notify(
      person.userId,
      event,
      (a) => eventMails.confirmed({ ...a, code: r.code as string, attendance: r.attendance }),
      to,
    );
  if (r.status === 'waitlisted' && position)
    return notify(
      person.userId,
      event,
      (a) => eventMails.waitlisted({ ...a, position, attendance: r.attendance }),
      to,
    );
  if (r.status === 'entered')
    return notify(
      person.userId,
      event,
      (a) => eventMails.entered({ ...a, deadline: event.signupDeadline }),
      to,
    );
}
