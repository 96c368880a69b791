import type { User } from '../accounts/user.entity.ts';
import { users } from '../accounts/user.entity.ts';
import { PLATFORM_NAME } from '../admin/rules.ts';
import { platformSettings } from '../admin/settings.entity.ts';
import type { LedgerRow } from '../billing/ledger.entity.ts';
import { monthInJapan } from '../billing/rules.ts';
import { now } from '../data/entity.ts';
import type { Engagement } from '../engagements/engagement.entity.ts';
import { logger } from '../logger.ts';
import { invoiceDocuments } from './document.entity.ts';
import { type PaidMonthFacts, paidMonthDocuments } from './rules.ts';

/** A professional who told the platform they are a registered issuer, with their number (媒介者交付特例's notice). */
const registered = (u: User | undefined) =>
  u?.role === 'professional' && u.qualifiedInvoiceIssuer === true && !!u.invoiceRegistrationNumber;

/**
 * Issues a paid month's documents, once (a repeated `invoice.paid` keeps the first ones):
 *  1. the parties as they are at payment: the suppliers' registration, the firm's name, the platform's number;
 *  2. the firm's document for the fee, and each supplier's for the platform fee (./rules.ts);
 *  3. each kept as issued.
 * `rows` are the month's paid ledger rows: one, or a team's one per member.
 */
export async function issueMonthDocuments(e: Engagement, rows: LedgerRow[], issuedAt = now()): Promise<void> {
  const paid = rows.filter((r) => r.status === 'paid');
  const first = paid[0];
  if (!first) return;
  const [people, settings] = await Promise.all([
    users.byIds([e.firmId, ...paid.map((r) => r.professionalId)]),
    platformSettings.get(),
  ]);
  const firm = people.get(e.firmId);
  const facts: PaidMonthFacts = {
    engagementId: e.id,
    invoiceId: first.invoiceId,
    title: e.title,
    firm: { name: firm?.role === 'firm' ? firm.organizationName : e.firmName },
    platform: { name: PLATFORM_NAME, registrationNumber: settings.invoiceRegistrationNumber },
    professionalId: e.professionalId,
    suppliers: paid.map((r) => {
      const u = people.get(r.professionalId);
      return {
        id: r.professionalId,
        name: u?.displayName ?? (r.professionalId === e.professionalId ? e.professionalName : '—'),
        registered: registered(u),
        grossJpy: r.grossJpy,
        platformFeeJpy: r.platformFeeJpy,
      };
    }),
    month: monthInJapan(first.periodStart),
    periodStart: first.periodStart,
    periodEnd: first.periodEnd,
    paidAt: first.at,
    issuedAt,
  };
  const results = await Promise.all(paidMonthDocuments(facts).map((d) => invoiceDocuments.issue(d)));
  logger.info('invoice documents', { engagementId: e.id, invoiceId: first.invoiceId, results });
}
