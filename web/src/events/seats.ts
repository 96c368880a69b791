import { ATTENDANCE, type Attendance, canSignUp, capacityOf, type Verdict } from '#shared/events/rules.ts';
import type { EventOut } from './types.ts';

/** The attendance modes an event has seats in: venue, online, or both. */
export const modesOf = (e: EventOut): Attendance[] => ATTENDANCE.filter((m) => capacityOf(e, m) > 0);

/** Whether someone may sign up now (in any of its modes), by the shared rule; the reason when not. */
export function signupVerdict(e: EventOut, at: Date): Verdict {
  const verdicts = modesOf(e).map((attendance) => canSignUp(e, { attendance }, at));
  return verdicts.find((v) => v.ok) ?? verdicts[0] ?? { ok: false, code: 'no_seats', reason: '' };
}

/** A lottery still taking entries: seats are not given out until the draw. */
export const beforeDraw = (e: EventOut) => e.selection === 'lottery' && !e.drawnAt;
