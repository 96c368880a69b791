import { config } from '../config.ts';
import * as z from '../zod-mini.ts';

/** Stripe's secret key and the webhook signing secret: from Secrets Manager in AWS, from the environment otherwise. */
export type StripeSecrets = { secretKey: string; webhookSigningSecret: string };

const SecretJson = /* @__PURE__ */ z.pure(() =>
  z.object({
    secretKey: z.string().check(z.minLength(1)),
    webhookSigningSecret: z.string().check(z.minLength(1)),
  }),
);

let cached: Promise<StripeSecrets> | undefined;

async function load(): Promise<StripeSecrets> {
  const c = config();
  if (c.STRIPE_SECRET_ARN) {
    // Loaded here, not at import: only AWS reads the secret, once per container.
    const { GetSecretValueCommand, SecretsManagerClient } = await import('@aws-sdk/client-secrets-manager');
    const out = await new SecretsManagerClient({}).send(
      new GetSecretValueCommand({ SecretId: c.STRIPE_SECRET_ARN }),
    );
    return SecretJson.parse(JSON.parse(out.SecretString ?? '{}'));
  }
  if (!c.STRIPE_SECRET_KEY || !c.STRIPE_WEBHOOK_SECRET)
    throw new Error(
      'Stripe is not configured: set STRIPE_SECRET_ARN, or STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET',
    );
  return { secretKey: c.STRIPE_SECRET_KEY, webhookSigningSecret: c.STRIPE_WEBHOOK_SECRET };
}

/** Read once per container; a failed read is tried again on the next call. */
export function stripeSecrets(): Promise<StripeSecrets> {
  cached ??= load().catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}
