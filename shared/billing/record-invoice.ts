import { now } from '../data/entity.ts';
import { engagements } from '../engagements/engagement.entity.ts';
import { issueMonthDocuments } from '../invoices/issue-documents.ts';
import { logger } from '../logger.ts';
import { stripe } from '../stripe/client.ts';
import { type LedgerRow, ledger } from './ledger.entity.ts';
import { platformFeeJpy, splitPayment } from './rules.ts';
import { paidAtOfInvoice, periodOfInvoice, subscriptionOfInvoice } from './stripe-objects.ts';
import { payTeamMembers, teamRows } from './team-payouts.ts';

/**
 * The ledger row of an invoice, from the invoice as Stripe has it now: paid is final, failed until paid.
 * A team engagement's invoice has a row per member with a share, and once paid a transfer to each.
 * A paid month's documents (the firm's qualified invoice, each supplier's for the platform fee) are issued once.
 */
export async function recordInvoice(engagementId: string, invoiceId: string) {
  const engagement = await engagements.get(engagementId);
  if (!engagement) return;
  const client = await stripe();
  const invoice = await client.invoices.retrieve(invoiceId);
  const paid = invoice.status === 'paid';
  const failed = invoice.status === 'open' && invoice.attempt_count > 0;
  if (!paid && !failed) return; // draft, void (a paused month) or not yet attempted: no row
  const { subscriptionId } = subscriptionOfInvoice(invoice);
  const subscription = subscriptionId ? await client.subscriptions.retrieve(subscriptionId) : undefined;
  const feePercent = subscription?.application_fee_percent ?? engagement.platformFeePercent;
  const gross = paid ? invoice.amount_paid : invoice.amount_due;
  const period = periodOfInvoice(invoice);
  const at = now();
  const row: LedgerRow = {
    engagementId,
    invoiceId,
    professionalId: engagement.professionalId,
    firmId: engagement.firmId,
    title: engagement.title,
    firmName: engagement.firmName,
    workType: engagement.workType,
    status: paid ? 'paid' : 'failed',
    periodStart: period.start,
    periodEnd: period.end,
    at: (paid && paidAtOfInvoice(invoice)) || at,
    hostedInvoiceUrl: invoice.hosted_invoice_url ?? null,
    ...splitPayment(gross, platformFeeJpy(gross, feePercent)),
    createdAt: at,
    updatedAt: at,
  };
  if (!engagement.teamId) {
    const result = await ledger.record(row);
    logger.info('ledger row', { engagementId, invoiceId, status: row.status, result });
    if (paid) await issueMonthDocuments(engagement, [row]);
    return;
  }
  const rows = await teamRows(engagement, row);
  const results = await Promise.all(rows.map((r) => ledger.record(r)));
  logger.info('team ledger rows', { engagementId, invoiceId, status: row.status, results });
  if (!paid) return;
  await issueMonthDocuments(engagement, rows);
  await payTeamMembers(row);
}
