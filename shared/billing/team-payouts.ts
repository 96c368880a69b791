import type Stripe from 'stripe';
import type { Engagement } from '../engagements/engagement.entity.ts';
import { sharesFor } from '../engagements/rules.ts';
import { engagementShares } from '../engagements/shares.entity.ts';
import { logger } from '../logger.ts';
import { stripe } from '../stripe/client.ts';
import { paidMembers, splitMonth } from '../teams/rules.ts';
import { type LedgerRow, ledger } from './ledger.entity.ts';
import { payoutAccounts } from './stripe-account.entity.ts';
import { idOf } from './stripe-objects.ts';

/**
 * A team's month, member by member: the shares in force for the invoice's period, the month's net, fee and
 * tax divided by largest remainder (so the rows add up exactly to the invoice), one row per member with a share.
 */
export async function teamRows(e: Engagement, month: LedgerRow): Promise<LedgerRow[]> {
  const version = sharesFor(await engagementShares.all(e.id), month.periodStart);
  if (!version) throw new Error(`team engagement ${e.id} has no shares for ${month.periodStart}`);
  const paid = paidMembers(version.shares);
  return splitMonth(month, paid).map((part) => ({
    ...month,
    professionalId: part.userId,
    grossJpy: part.grossJpy,
    platformFeeJpy: part.platformFeeJpy,
    feeTaxJpy: part.feeTaxJpy,
    netJpy: part.netJpy,
    teamId: e.teamId as string,
    teamName: e.teamName ?? '',
    sharePercent: part.percent,
  }));
}

/** The charge that paid an invoice: since API 2025-03-31 through the invoice's payments. */
async function chargeOfInvoice(client: Stripe, invoiceId: string): Promise<string | undefined> {
  const payments = await client.invoicePayments.list({ invoice: invoiceId, limit: 10 });
  const paid = payments.data.find((p) => p.status === 'paid');
  const intent = idOf(paid?.payment.payment_intent ?? undefined);
  if (!intent) return undefined;
  return idOf((await client.paymentIntents.retrieve(intent)).latest_charge);
}

/**
 * Pays each member their net part of a paid invoice by a transfer from its charge. Once per invoice and
 * member whatever the number and order of `invoice.paid` deliveries: the transfers already in the invoice's
 * transfer group are not made again, and the idempotency key makes two deliveries at once one transfer.
 * A member who cannot be paid out now is left without a transfer; the next delivery tries again.
 */
export async function payTeamMembers(month: LedgerRow): Promise<void> {
  const { invoiceId } = month;
  const client = await stripe();
  // The rows as stored: a delivery before this one may have kept their transfers already.
  const rows = (await ledger.forInvoice(month)).filter((r) => r.status === 'paid' && r.netJpy > 0);
  if (rows.every((r) => r.transferId)) return;
  const [charge, existing] = await Promise.all([
    chargeOfInvoice(client, invoiceId),
    client.transfers.list({ transfer_group: invoiceId, limit: 100 }),
  ]);
  if (!charge) throw new Error(`paid invoice ${invoiceId} has no charge`);
  const made = new Map(existing.data.map((t) => [t.metadata?.userId, t.id]));
  for (const row of rows) {
    if (row.transferId) continue;
    let transferId = made.get(row.professionalId);
    if (!transferId) {
      const account = await payoutAccounts.get(row.professionalId);
      if (!account?.ready) {
        logger.warn('team member cannot be paid out yet', { engagementId: month.engagementId, invoiceId });
        continue;
      }
      const transfer = await client.transfers.create(
        {
          amount: row.netJpy,
          currency: 'jpy',
          destination: account.accountId,
          source_transaction: charge,
          transfer_group: invoiceId,
          description: `${row.title}（${row.teamName ?? ''}）${row.sharePercent ?? ''}%`,
          metadata: { engagementId: row.engagementId, invoiceId, userId: row.professionalId },
        },
        { idempotencyKey: `transfer-${invoiceId}-${row.professionalId}` },
      );
      transferId = transfer.id;
    }
    await ledger.markTransferred(row, transferId);
  }
}
