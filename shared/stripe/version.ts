/**
 * The one Stripe API version the product speaks: the SDK's own pin. Webhook endpoints in the Stripe dashboard
 * must be created with this version, and the local Stripe writes its objects and events in it.
 */
export const STRIPE_API_VERSION = '2026-10-28.endive' as const;
