import type Stripe from 'stripe';
import type { Engine } from './engine.ts';
import { invalidRequest } from './errors.ts';
import { newId } from './ids.ts';
import { customerObject, portalSessionObject } from './objects.ts';
import type { TestCard } from './state.ts';

/** Customers, the test card each one pays with, and billing portal sessions. */

export type CustomerFields = {
  email?: string;
  name?: string;
  description?: string;
  phone?: string;
  metadata?: Record<string, string> | '';
  preferred_locales?: string[];
};

export function createCustomer(engine: Engine, p: CustomerFields): Stripe.Customer {
  const customer = customerObject(engine.now(), { ...p, metadata: p.metadata || {} });
  engine.data.customers[customer.id] = customer;
  engine.changed();
  return customer;
}

/** Changes the given fields; metadata merges, a key set to '' goes, `metadata=''` clears it all. */
export function updateCustomer(
  engine: Engine,
  customer: Stripe.Customer,
  p: CustomerFields,
): Stripe.Customer {
  if (p.email !== undefined) customer.email = p.email;
  if (p.name !== undefined) customer.name = p.name;
  if (p.description !== undefined) customer.description = p.description;
  if (p.phone !== undefined) customer.phone = p.phone;
  if (p.preferred_locales !== undefined) customer.preferred_locales = p.preferred_locales;
  if (p.metadata === '') customer.metadata = {};
  else if (p.metadata)
    for (const [key, value] of Object.entries(p.metadata)) {
      if (value === '') delete customer.metadata[key];
      else customer.metadata[key] = value;
    }
  engine.changed();
  return customer;
}

/** The card the customer's next payments use (the portal's "update card", the tests' switch). */
export function setCard(engine: Engine, customer: Stripe.Customer, card: TestCard): void {
  engine.data.cards[customer.id] = card;
  customer.invoice_settings.default_payment_method = newId('pm_');
  engine.changed();
}

export type PortalSessionCreate = { customer: string; return_url?: string; locale?: 'auto' | 'ja' | 'en' };

export function createPortalSession(engine: Engine, p: PortalSessionCreate): Stripe.BillingPortal.Session {
  const customer = engine.customer(p.customer, 'customer');
  if (p.return_url !== undefined) {
    try {
      new URL(p.return_url);
    } catch {
      throw invalidRequest('Not a valid URL', 'return_url', 'url_invalid');
    }
  }
  const id = newId('bps_');
  const session = portalSessionObject(engine.now(customer.id), {
    id,
    customer: customer.id,
    returnUrl: p.return_url ?? null,
    locale: p.locale ?? null,
    url: `${engine.publicUrl}/billing_portal/${id}`,
  });
  engine.data.portalSessions[id] = session;
  engine.changed();
  return session;
}
