import { type User, userOf } from '../accounts/user.entity.ts';
import { applicationOf } from '../applications/application.entity.ts';
import { ledgerRowOf, paymentIdOf } from '../billing/ledger.entity.ts';
import type { KakehashiEvent } from '../events/event.entity.ts';
import { registrationOf } from '../events/registration.entity.ts';
import { projectOf } from '../projects/project.entity.ts';
import type { Project } from '../projects/rules.ts';
import { monthOf } from './months.ts';
import type { Fact, Person } from './rules.ts';

/** What turning a record into facts needs to look up: the stream reads the table, the rebuild its own scan. */
export type Lookups = {
  project(id: string): Promise<Project | undefined>;
  user(id: string): Promise<User | undefined>;
  event(id: string): Promise<KakehashiEvent | undefined>;
};

export class MissingSource extends Error {}

/** Whether an edit changes what the figures read of a person: their role, home or skills. */
const changesCounting = (a: User, b: User) => {
  const view = (u: User) => JSON.stringify(personOf(u.userId, u));
  return view(a) !== view(b);
};

function personOf(personId: string, user: User | undefined): Person {
  if (user?.role !== 'professional') return { personId, professional: false, skills: [] };
  return {
    personId,
    professional: true,
    skills: user.skills ?? [],
    ...(user.homePrefectureCode ? { homePrefectureCode: user.homePrefectureCode } : {}),
    ...(user.homeMunicipalityCode ? { homeMunicipalityCode: user.homeMunicipalityCode } : {}),
  };
}

/**
 * The facts a record says (its new image, and its old one where taking something back matters): a published
 * project, an application, a paid month of an engagement, a checked-in attendance.
 */
export async function factsOf(
  item: Record<string, unknown> | undefined,
  old: Record<string, unknown> | undefined,
  lookups: Lookups,
): Promise<Fact[]> {
  // A profile edit changes who counts where: only an edit of someone who may have ties (the rebuild reads
  // profiles as they are, and a new profile has no ties yet).
  const user = userOf(item);
  if (user) {
    const before = userOf(old);
    if (!before || !changesCounting(before, user)) return [];
    return [{ kind: 'profile', person: personOf(user.userId, user) }];
  }

  const project = projectOf(item);
  if (project) {
    if (!project.publishedAt) return [];
    return [
      {
        kind: 'posting',
        projectId: project.id,
        municipalityCode: project.municipalityCode,
        publishedMonth: monthOf(project.publishedAt),
      },
    ];
  }

  const application = applicationOf(item);
  if (application) {
    const of = await lookups.project(application.projectId);
    if (!of) throw new MissingSource(`application ${application.id}: no project ${application.projectId}`);
    return [
      {
        kind: 'application',
        applicationId: application.id,
        projectId: application.projectId,
        municipalityCode: of.municipalityCode,
        person: personOf(application.professionalId, await lookups.user(application.professionalId)),
        month: monthOf(application.createdAt),
        ...(application.status === 'accepted' && application.decidedAt
          ? { acceptedMonth: monthOf(application.decidedAt) }
          : {}),
      },
    ];
  }

  const row = ledgerRowOf(item);
  if (row) {
    if (row.status !== 'paid') return [];
    const firm = await lookups.user(row.firmId);
    if (firm?.role !== 'firm') throw new MissingSource(`ledger row ${row.invoiceId}: no firm ${row.firmId}`);
    return [
      {
        kind: 'payment',
        // A team's month is one row per member: each is a payment of its own.
        invoiceId: paymentIdOf(row),
        engagementId: row.engagementId,
        municipalityCode: firm.municipalityCode,
        person: personOf(row.professionalId, await lookups.user(row.professionalId)),
        month: monthOf(row.at),
        grossJpy: row.grossJpy,
      },
    ];
  }

  const registration = registrationOf(item);
  if (registration) {
    const before = registrationOf(old);
    const checkedInAt = registration.checkedInAt;
    if (!checkedInAt && !before?.checkedInAt) return [];
    const event = await lookups.event(registration.eventId);
    if (!event)
      throw new MissingSource(`registration of ${registration.userId}: no event ${registration.eventId}`);
    return [
      {
        kind: 'attendance',
        eventId: event.id,
        municipalityCode: event.municipalityCode,
        person: personOf(registration.userId, await lookups.user(registration.userId)),
        month: monthOf(checkedInAt ?? (before?.checkedInAt as string)),
        visit: registration.attendance === 'venue',
        tour: event.kind === 'tour',
        ...(checkedInAt ? {} : { withdrawn: true }),
      },
    ];
  }
  return [];
}
