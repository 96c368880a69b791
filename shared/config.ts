import * as z from 'zod';

/**
 * The service's configuration, read once from the environment when first used and checked in full:
 * a missing or malformed variable stops the function at start-up, not in the middle of a request.
 * Endpoints of AWS services are not here: the AWS SDK reads `AWS_ENDPOINT_URL_<SERVICE>` itself,
 * which is how the local cloud points the same code at DynamoDB Local and the local mailbox.
 */
const ConfigSchema = z.object({
  AWS_REGION: z.string().min(1),
  /** Set only on functions whose line needs the table (least privilege: the others do not know it). */
  TABLE_NAME: z.string().min(1).optional(),
  USER_POOL_ID: z.string().min(1),
  USER_POOL_CLIENT_ID: z.string().min(1),
  /** Only set when Cognito is not AWS's own (cognito-local): the web app is told where to sign in. */
  COGNITO_ENDPOINT: z.url().optional(),
  WEB_ORIGIN: z.url(),
  MAIL_FROM: z.string().min(3),
  STRIPE_PUBLISHABLE_KEY: z.string().default(''),
  /** In AWS: the secret holding `{"secretKey","webhookSigningSecret"}`. Elsewhere the two variables below. */
  STRIPE_SECRET_ARN: z.string().min(1).optional(),
  STRIPE_SECRET_KEY: z.string().min(1).optional(),
  STRIPE_WEBHOOK_SECRET: z.string().min(1).optional(),
  /** Set when the Stripe SDK talks to the local Stripe stand-in instead of Stripe. */
  STRIPE_API_BASE: z.url().optional(),
  LOG_LEVEL: z.enum(['DEBUG', 'INFO', 'WARN', 'ERROR']).default('INFO'),
});

export type Config = z.infer<typeof ConfigSchema>;

let cached: Config | undefined;

export function config(): Config {
  if (!cached) {
    const parsed = ConfigSchema.safeParse(process.env);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
      throw new Error(`Invalid configuration (environment variables):\n${problems.join('\n')}`);
    }
    cached = parsed.data;
  }
  return cached;
}
