import { stringify } from 'csv-stringify/sync';
import type { User } from '../accounts/user.entity.ts';
import { users } from '../accounts/user.entity.ts';
import type { PageRequest } from '../data/query.ts';
import { staffEvent } from './access.ts';
import type { EventRegistration } from './contract.ts';
import { type Registration, registrations } from './registration.entity.ts';

/** Places in line, counted from the waitlist's tickets: 1…n per mode, no gap, no repeat. */
export function positions(list: Registration[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const mode of ['venue', 'online'] as const) {
    list
      .filter((r) => r.status === 'waitlisted' && r.attendance === mode)
      .sort((a, b) => (a.waitTicket ?? 0) - (b.waitTicket ?? 0))
      .forEach((r, i) => {
        out.set(r.id, i + 1);
      });
  }
  return out;
}

/** One line of the staff's list: the person, status, place in line, childcare, payment and check-in. */
function rosterLine(r: Registration, p: User | undefined, place: number | undefined): EventRegistration {
  return {
    id: r.id,
    userId: r.userId,
    displayName: p?.displayName ?? '',
    ...(p?.email ? { email: p.email } : {}),
    role: p?.role ?? '',
    status: r.status,
    attendance: r.attendance,
    ...(place ? { waitlistPosition: place } : {}),
    ...(r.childcare ? { childcare: r.childcare } : {}),
    ...(r.paidJpy !== undefined ? { paidJpy: r.paidJpy } : {}),
    ...(r.refundedJpy !== undefined ? { refundedJpy: r.refundedJpy } : {}),
    ...(r.checkedInAt ? { checkedInAt: r.checkedInAt } : {}),
    createdAt: r.createdAt,
  };
}

/**
 * Its staff's list of registrations in sign-up order, a page at a time:
 * 1. the caller must be staff of the event's region;
 * 2. a page of the roster, with each person's profile;
 * 3. each waitlisted person's place in their line (counted on the waitlist index, not from this page).
 */
export async function eventRegistrations(staff: User, eventId: string, page: PageRequest) {
  await staffEvent(staff, eventId);
  const { items: list, nextCursor } = await registrations.pageOfEvent(eventId, page);
  const [people, places] = await Promise.all([
    users.byIds(list.map((r) => r.userId)),
    Promise.all(list.map((r) => registrations.position(r))),
  ]);
  return { items: list.map((r, i) => rosterLine(r, people.get(r.userId), places[i])), nextCursor };
}

/** Every registration of the event in sign-up order, for the CSV download. */
export async function allEventRegistrations(staff: User, eventId: string): Promise<EventRegistration[]> {
  await staffEvent(staff, eventId);
  const list = await registrations.ofEvent(eventId);
  const people = await users.byIds(list.map((r) => r.userId));
  const places = positions(list);
  return list
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    .map((r) => rosterLine(r, people.get(r.userId), places.get(r.id)));
}

/** The same as CSV, UTF-8 with a BOM so a spreadsheet opens the Japanese correctly; headers in both languages. */
export function registrationsCsv(rows: EventRegistration[]): string {
  return stringify(
    rows.map((r) => [
      r.displayName,
      r.email ?? '',
      r.status,
      r.attendance,
      r.waitlistPosition ?? '',
      r.childcare ? `${r.childcare.children} (${r.childcare.ages})` : '',
      r.paidJpy ?? '',
      r.refundedJpy ?? '',
      r.checkedInAt ?? '',
      r.createdAt,
    ]),
    {
      bom: true,
      header: true,
      columns: [
        '氏名 name',
        'メール email',
        '状態 status',
        '参加方法 attendance',
        'キャンセル待ち順 waitlist',
        '託児 childcare',
        '支払額 paid (JPY)',
        '返金額 refunded (JPY)',
        '受付 checked in',
        '申込 signed up',
      ],
    },
  );
}
