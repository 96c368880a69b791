import { ledger } from '../billing/ledger.entity.ts';
import { monthInJapan } from '../billing/rules.ts';
import { partyEngagement } from './access.ts';

/** One row per paid or failed month, oldest first. */
export async function engagementInvoices(userId: string, id: string) {
  const e = await partyEngagement(userId, id);
  const rows = await ledger.forEngagement(e.id);
  return rows.map((r) => ({
    invoiceId: r.invoiceId,
    month: monthInJapan(r.periodStart),
    periodStart: r.periodStart,
    periodEnd: r.periodEnd,
    grossJpy: r.grossJpy,
    platformFeeJpy: r.platformFeeJpy,
    feeTaxJpy: r.feeTaxJpy,
    netJpy: r.netJpy,
    status: r.status,
    hostedInvoiceUrl: r.hostedInvoiceUrl,
    ...(r.status === 'paid' ? { paidAt: r.at } : {}),
  }));
}
