import type { User } from '../accounts/user.entity.ts';
import { municipality } from '../regions/index.ts';
import type { MyRegistration } from './contract.ts';
import { events, type KakehashiEvent } from './event.entity.ts';
import { registrations } from './registration.entity.ts';
import { registrationView } from './view.ts';

/** My registrations, newest first, a page at a time, each with its event and (waitlisted) my place in line. */
export async function myRegistrations(
  person: User,
  q: { cursor?: string | undefined; limit?: number | undefined },
): Promise<{ items: MyRegistration[]; nextCursor: string | null }> {
  const page = await registrations.ofPerson(person.userId, q.limit ?? 20, q.cursor);
  const byId = new Map<string, KakehashiEvent | undefined>();
  await Promise.all(
    [...new Set(page.items.map((r) => r.eventId))].map(async (id) => byId.set(id, await events.get(id))),
  );
  const items = await Promise.all(
    page.items.map(async (r): Promise<MyRegistration | undefined> => {
      const e = byId.get(r.eventId);
      if (!e) return undefined;
      const m = municipality(e.municipalityCode);
      return {
        ...registrationView(r, await registrations.position(r)),
        title: e.title,
        kind: e.kind,
        startsAt: e.startsAt,
        endsAt: e.endsAt,
        ...(e.venueName ? { venueName: e.venueName } : {}),
        municipalityName: m?.name ?? e.municipalityCode,
        municipalityNameEn: m?.nameEn ?? e.municipalityCode,
        feeJpy: e.feeJpy,
        refundDaysBefore: e.refundDaysBefore,
        eventStatus: e.status,
        ...(r.checkedInAt ? { checkedInAt: r.checkedInAt } : {}),
        createdAt: r.createdAt,
      };
    }),
  );
  return {
    items: items.filter((i): i is MyRegistration => i !== undefined),
    nextCursor: page.nextCursor,
  };
}
