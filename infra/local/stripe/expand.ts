import { invoicePaymentOf } from './billing.ts';
import { checkoutLineItems } from './checkout.ts';
import { clone, type Engine } from './engine.ts';
import { invalidRequest } from './errors.ts';
import { list } from './objects.ts';
import { isPlainObject } from './params.ts';

/**
 * `expand[]`: replaces an id by the object it names, along a dotted path (`data.latest_invoice`,
 * `payments.data.payment.payment_intent`), and fills the fields Stripe only includes on request
 * (an invoice's `payments`, a Checkout Session's `line_items`). Any other path is refused, as Stripe does.
 */
export function expandAnswer<T>(engine: Engine, answer: T, paths: string[] | undefined): T {
  const out = clone(answer);
  for (const path of paths ?? []) {
    const segments = path.split('.');
    if (segments.length > 4)
      throw invalidRequest(`You cannot expand more than 4 levels of a property. Property: ${path}`, 'expand');
    walk(engine, out, segments, path);
  }
  return out;
}

function cannot(field: string): never {
  throw invalidRequest(`This property cannot be expanded (${field}).`, 'expand');
}

/** Fields absent unless asked for. */
function includable(engine: Engine, node: Record<string, unknown>, field: string): unknown {
  if (node.object === 'invoice' && field === 'payments' && typeof node.id === 'string') {
    const payment = invoicePaymentOf(engine, node.id);
    return list(payment ? [clone(payment)] : [], `/v1/invoices/${node.id}/payments`);
  }
  if (node.object === 'checkout.session' && field === 'line_items' && typeof node.id === 'string')
    return list(checkoutLineItems(engine, node.id), `/v1/checkout/sessions/${node.id}/line_items`);
  return undefined;
}

function walk(engine: Engine, node: unknown, segments: string[], path: string): void {
  const [field, ...rest] = segments;
  if (field === undefined || !isPlainObject(node)) return;
  if (node.object === 'list' && field === 'data' && Array.isArray(node.data)) {
    for (const item of node.data) walk(engine, item, rest, path);
    return;
  }
  let value = node[field];
  if (value === undefined) {
    value = includable(engine, node, field);
    if (value === undefined) cannot(field);
    node[field] = value;
  } else if (typeof value === 'string') {
    const found = engine.byId(value);
    if (!found) cannot(field);
    value = clone(found);
    node[field] = value;
  } else if (value === null) {
    return;
  } else if (!isPlainObject(value) || (rest.length === 0 && typeof value.object !== 'string')) {
    cannot(field);
  }
  walk(engine, value, rest, path);
}
