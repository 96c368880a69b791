import type Stripe from 'stripe';
import { checkDestination } from './connect.ts';
import { type Engine, idOf, type RequestInfo } from './engine.ts';
import { invalidRequest, StripeApiError } from './errors.ts';
import { transferObject } from './objects.ts';
import { transferred } from './payments.ts';

/**
 * Separate charges and transfers: the platform is charged (no `transfer_data`), then sends part of the
 * money to connected accounts with `POST /v1/transfers`, each from the charge (`source_transaction`) or
 * from its available balance. The local Stripe has no pending balance: a succeeded charge is available
 * at once.
 */

export type TransferCreate = {
  amount: number;
  currency: 'jpy';
  destination: string;
  source_transaction?: string;
  transfer_group?: string;
  description?: string;
  metadata?: Record<string, string> | '';
};

const yen = (amount: number) => `¥${amount.toLocaleString('en')}`;

/** What has already left a charge for connected accounts: its destination transfer and the transfers made from it. */
export function transferredFrom(engine: Engine, charge: Stripe.Charge): number {
  const pi = idOf(charge.payment_intent);
  const destination = pi && charge.transfer_data ? transferred(engine.paymentIntent(pi)) : 0;
  return Object.values(engine.data.transfers)
    .filter((t) => idOf(t.source_transaction) === charge.id)
    .reduce((sum, t) => sum + t.amount - t.amount_reversed, destination);
}

/** The charge a transfer is funded from: a succeeded charge whose amount still covers `amount`. */
function sourceCharge(engine: Engine, id: string, amount: number): Stripe.Charge {
  const charge = engine.charge(id, 'source_transaction');
  if (charge.status !== 'succeeded')
    // Local wording: the product never transfers from a charge that did not succeed.
    throw invalidRequest(
      `The charge ${charge.id} has not succeeded, so it cannot fund a transfer.`,
      'source_transaction',
    );
  const already = transferredFrom(engine, charge);
  if (already + amount > charge.amount)
    throw invalidRequest(
      `Transfers using this transaction as a source must not exceed the source amount of ${yen(charge.amount)}.${
        already > 0 ? ` (There is already a transfer using this source, amounting to ${yen(already)}.)` : ''
      }`,
    );
  return charge;
}

/** `POST /v1/transfers`: the platform's balance less `amount`, the destination's more; `transfer.created`. */
export function createTransfer(engine: Engine, p: TransferCreate, request: RequestInfo): Stripe.Transfer {
  const account = checkDestination(engine, p.destination, 'destination');
  const source = p.source_transaction ? sourceCharge(engine, p.source_transaction, p.amount) : undefined;
  if (!source && engine.data.balances.platform < p.amount)
    throw new StripeApiError(
      400,
      'You have insufficient available funds in your Stripe account. Try adding funds directly to your available balance by creating Charges using the 4000000000000077 test card. See: https://stripe.com/docs/testing#available-balance',
      { code: 'balance_insufficient' },
    );

  const transfer = transferObject(engine.now(), {
    amount: p.amount,
    destination: account.id,
    sourceTransaction: source?.id ?? null,
    transferGroup: p.transfer_group ?? null,
    description: p.description ?? null,
    metadata: p.metadata || {},
  });
  engine.data.transfers[transfer.id] = transfer;
  engine.data.balances.platform -= p.amount;
  engine.data.balances.accounts[account.id] = (engine.data.balances.accounts[account.id] ?? 0) + p.amount;
  engine.changed();
  engine.emit('transfer.created', transfer, { request });
  return transfer;
}
