import type Stripe from 'stripe';
import { type Engine, NO_REQUEST, type RequestInfo } from './engine.ts';
import { invalidRequest, noSuch, StripeApiError } from './errors.ts';
import { newId } from './ids.ts';
import { accountObject, balanceObject, requirements } from './objects.ts';
import type { AccountLinkRecord } from './state.ts';

/** Connect Express accounts, their onboarding through Account Links, and what they were transferred. */

export type AccountCreate = {
  type: 'express';
  country?: string;
  email?: string;
  business_type?: 'individual' | 'company' | 'non_profit' | 'government_entity';
  capabilities?: { card_payments?: { requested?: boolean }; transfers?: { requested?: boolean } };
  metadata?: Record<string, string> | '';
};

export function createAccount(engine: Engine, p: AccountCreate): Stripe.Account {
  const country = (p.country ?? 'JP').toUpperCase();
  if (!/^[A-Z]{2}$/.test(country)) throw invalidRequest(`Country '${p.country}' is unknown.`, 'country');
  const capabilities = Object.entries(p.capabilities ?? {})
    .filter(([, c]) => c?.requested)
    .map(([name]) => name);
  const account = accountObject(engine.now(), {
    country,
    email: p.email ?? null,
    businessType: p.business_type ?? null,
    capabilities,
    metadata: p.metadata || {},
  });
  engine.data.accounts[account.id] = account;
  engine.changed();
  return account;
}

export type AccountLinkCreate = {
  account: string;
  type: 'account_onboarding';
  refresh_url: string;
  return_url: string;
};

/** A single-use link to the local onboarding page, valid five minutes, as Stripe's are. */
export function createAccountLink(engine: Engine, p: AccountLinkCreate): Stripe.AccountLink {
  engine.account(p.account, 'account');
  const now = engine.now();
  const token = newId('', 32);
  const link: Stripe.AccountLink = {
    object: 'account_link',
    created: now,
    expires_at: now + 300,
    // Stripe's onboarding URLs carry the account id too; tests read it from there.
    url: `${engine.publicUrl}/connect/onboarding/${token}?account=${p.account}`,
  };
  engine.data.accountLinks[token] = {
    link,
    account: p.account,
    refreshUrl: p.refresh_url,
    returnUrl: p.return_url,
    used: false,
  };
  engine.changed();
  return link;
}

/** A link that can still be followed, or undefined (used, expired or unknown: Stripe sends to refresh_url). */
export function usableLink(engine: Engine, token: string): AccountLinkRecord | undefined {
  const record = engine.data.accountLinks[token];
  if (!record || record.used || record.link.expires_at < engine.now()) return undefined;
  return record;
}

/**
 * What finishing Express onboarding does: details submitted, charges and payouts enabled, the
 * requested capabilities (and transfers) active, nothing left due; `account.updated` with what changed.
 */
export function completeOnboarding(
  engine: Engine,
  account: Stripe.Account,
  request: RequestInfo = NO_REQUEST,
) {
  if (account.details_submitted && account.payouts_enabled) return account;
  const previous: Partial<Stripe.Account> = {
    capabilities: { ...account.capabilities },
    charges_enabled: account.charges_enabled,
    details_submitted: account.details_submitted,
    payouts_enabled: account.payouts_enabled,
    requirements: account.requirements,
  };
  const now = engine.now();
  const capabilities: Stripe.Account.Capabilities = { ...account.capabilities, transfers: 'active' };
  for (const name of Object.keys(capabilities) as (keyof Stripe.Account.Capabilities)[])
    capabilities[name] = 'active';
  account.capabilities = capabilities;
  account.charges_enabled = true;
  account.details_submitted = true;
  account.payouts_enabled = true;
  account.business_type ??= 'individual';
  account.requirements = requirements([]);
  account.tos_acceptance = { date: now, ip: '127.0.0.1', user_agent: 'local-stripe' };
  engine.changed();
  engine.emit('account.updated', account, { previous, request, account: account.id });
  return account;
}

/**
 * Stripe refuses to send money (a destination charge, a transfer) to an account that cannot receive
 * transfers yet: unknown, or its onboarding not finished.
 */
export function checkDestination(engine: Engine, id: string, param: string): Stripe.Account {
  const account = engine.data.accounts[id];
  if (!account) throw noSuch('destination', id, param);
  if (account.capabilities?.transfers !== 'active')
    throw new StripeApiError(
      400,
      'Your destination account needs to have at least one of the following capabilities enabled: transfers, crypto_transfers, legacy_payments',
      { param, code: 'insufficient_capabilities_for_transfer' },
    );
  return account;
}

/** `GET /v1/balance`: the platform's available balance, or with `Stripe-Account` a connected account's. */
export function balance(engine: Engine, account: string | undefined): Stripe.Balance {
  if (account === undefined) return balanceObject(engine.data.balances.platform);
  engine.account(account);
  return balanceObject(engine.data.balances.accounts[account] ?? 0);
}
