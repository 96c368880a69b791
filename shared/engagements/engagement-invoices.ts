import { users } from '../accounts/user.entity.ts';
import { type LedgerRow, ledger } from '../billing/ledger.entity.ts';
import { monthInJapan } from '../billing/rules.ts';
import { partyEngagement } from './access.ts';
import type { InvoiceRowOut } from './contract.ts';

const money = (rows: LedgerRow[]) => ({
  grossJpy: rows.reduce((s, r) => s + r.grossJpy, 0),
  platformFeeJpy: rows.reduce((s, r) => s + r.platformFeeJpy, 0),
  feeTaxJpy: rows.reduce((s, r) => s + r.feeTaxJpy, 0),
  netJpy: rows.reduce((s, r) => s + r.netJpy, 0),
});

/** One row per paid or failed month, oldest first; a team's month with its split, member by member. */
export async function engagementInvoices(userId: string, id: string): Promise<InvoiceRowOut[]> {
  const e = await partyEngagement(userId, id);
  const rows = await ledger.forEngagement(e.id);
  const byInvoice = new Map<string, LedgerRow[]>();
  for (const r of rows) byInvoice.set(r.invoiceId, [...(byInvoice.get(r.invoiceId) ?? []), r]);
  const names = e.teamId ? await users.byIds(rows.map((r) => r.professionalId)) : undefined;
  // Members in the team's order (the director first), as the shares list them.
  const order = [e.professionalId, ...(e.memberIds ?? [])];
  const place = (uid: string) => (order.indexOf(uid) + order.length + 1) % (order.length + 1);
  return [...byInvoice.values()].map((parts) => {
    const r = parts[0] as LedgerRow;
    return {
      invoiceId: r.invoiceId,
      month: monthInJapan(r.periodStart),
      periodStart: r.periodStart,
      periodEnd: r.periodEnd,
      ...money(parts),
      status: r.status,
      hostedInvoiceUrl: r.hostedInvoiceUrl,
      ...(r.status === 'paid' ? { paidAt: r.at } : {}),
      ...(r.teamId
        ? {
            split: [...parts]
              .sort((a, b) => place(a.professionalId) - place(b.professionalId))
              .map((p) => ({
                userId: p.professionalId,
                displayName: names?.get(p.professionalId)?.displayName ?? '—',
                percent: p.sharePercent ?? 0,
                grossJpy: p.grossJpy,
                platformFeeJpy: p.platformFeeJpy,
                feeTaxJpy: p.feeTaxJpy,
                netJpy: p.netJpy,
                transferred: p.transferId !== undefined,
              })),
          }
        : {}),
    };
  });
}
