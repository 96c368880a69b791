import * as z from './zod-mini.ts';

/**
 * The service's configuration, read once from the environment when first used and checked in full:
 * a missing or malformed variable stops the function at start-up, not in the middle of a request.
 * Endpoints of AWS services are not here: the AWS SDK reads `AWS_ENDPOINT_URL_<SERVICE>` itself,
 * which is how the local cloud points the same code at DynamoDB Local and the local mailbox.
 * Written with zod's mini API (./zod-mini.ts): every function reads it, most need nothing more of zod.
 */
const filled = (min = 1) => z.string().check(z.minLength(min));

const ConfigSchema = /* @__PURE__ */ z.pure(() =>
  z.object({
    AWS_REGION: filled(),
    /** Set only on functions whose line needs the table (least privilege: the others do not know it). */
    TABLE_NAME: z.optional(filled()),
    USER_POOL_ID: filled(),
    USER_POOL_CLIENT_ID: filled(),
    /** Only set when Cognito is not AWS's own (cognito-local): the web app is told where to sign in. */
    COGNITO_ENDPOINT: z.optional(z.url()),
    WEB_ORIGIN: z.url(),
    MAIL_FROM: filled(3),
    STRIPE_PUBLISHABLE_KEY: z._default(z.string(), ''),
    /** In AWS: the secret holding `{"secretKey","webhookSigningSecret"}`. Elsewhere the two variables below. */
    STRIPE_SECRET_ARN: z.optional(filled()),
    STRIPE_SECRET_KEY: z.optional(filled()),
    STRIPE_WEBHOOK_SECRET: z.optional(filled()),
    /** Set when the Stripe SDK talks to the local Stripe stand-in instead of Stripe. */
    STRIPE_API_BASE: z.optional(z.url()),
    LOG_LEVEL: z._default(z.enum(['DEBUG', 'INFO', 'WARN', 'ERROR']), 'INFO'),
  }),
);

export type Config = z.infer<typeof ConfigSchema>;

/** Checks an environment: its configuration, or an error that names every variable in the way. */
export function readConfig(env: Record<string, string | undefined>): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration (environment variables):\n${problems.join('\n')}`);
  }
  return parsed.data;
}

let cached: Config | undefined;

export function config(): Config {
  cached ??= readConfig(process.env);
  return cached;
}
