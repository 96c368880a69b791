import { DEMO_PASSWORD, demoAccounts } from './demo-data.ts';
import { DEFAULT_RATE_LIMIT, type RateLimit } from './rate-limit.ts';
import { startLocalCloud } from './stack.ts';

/**
 * `npm start`: the whole marketplace on this machine, data kept under .data/.
 * `node infra/local/start.ts --ephemeral`: in memory on free ports (the tests); prints one JSON line
 * starting with READY when it is up.
 */
const ephemeral = process.argv.includes('--ephemeral');
const envPort = (name: string, fallback: number) => (ephemeral ? 0 : Number(process.env[name] ?? fallback));

/**
 * The gateway's rate limit per client IP: `RATE_LIMIT_PER_SECOND` (0 turns it off) and `RATE_LIMIT_BURST`
 * (default twice the rate); without them the gateway's generous default.
 */
function rateLimit(): RateLimit | false | undefined {
  const { RATE_LIMIT_PER_SECOND: rate, RATE_LIMIT_BURST: burst } = process.env;
  if (rate === undefined && burst === undefined) return undefined;
  const perSecond = Number(rate ?? DEFAULT_RATE_LIMIT.perSecond);
  if (perSecond === 0) return false;
  const limit = { perSecond, burst: Number(burst ?? perSecond * 2) };
  if (!(limit.perSecond > 0) || !(limit.burst >= 1))
    throw new Error(`RATE_LIMIT_PER_SECOND / RATE_LIMIT_BURST: ${rate} / ${burst} is not a rate`);
  return limit;
}

const started = Date.now();
const limit = rateLimit();
const cloud = await startLocalCloud({
  ...(limit !== undefined ? { rateLimit: limit } : {}),
  persistent: !ephemeral,
  ports: {
    gateway: envPort('PORT', 3000),
    dynamodb: envPort('DYNAMODB_PORT', 8000),
    cognito: envPort('COGNITO_PORT', 9229),
    stripe: envPort('STRIPE_PORT', 12111),
  },
});

let stopping = false;
const shutdown = async () => {
  if (stopping) return;
  stopping = true;
  await cloud.stop();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
process.stdin.on('end', shutdown); // the test runner closing our stdin means it is gone

if (ephemeral) {
  const { mailbox, stop, runSchedule, faults, ...info } = cloud;
  console.log(`READY ${JSON.stringify(info)}`);
  process.stdin.resume();
} else {
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const stripeLine = cloud.stripeUrl
    ? `Local Stripe      ${cloud.stripeUrl}  (test cards: 4242 4242 4242 4242 pays, 4000 0000 0000 0002 is declined)`
    : `Stripe            real Stripe, STRIPE_SECRET_KEY is set (run: stripe listen --forward-to ${cloud.url}/v1/webhooks/stripe)`;
  console.log(`
  架け橋 Kakehashi is running (started in ${seconds} s)

    Web app and API   ${cloud.url}            (API under /v1, reference at ${cloud.url}/docs/api)
    Mailbox           ${cloud.url}/dev/mailbox
    DynamoDB Local    ${cloud.dynamodbEndpoint}
    cognito-local     ${cloud.cognitoEndpoint}
    ${stripeLine}

  Demo accounts (password for all: ${DEMO_PASSWORD})
${demoAccounts.map((a) => `    ${a.email.padEnd(34)} ${a.label}`).join('\n')}

  Stop with Ctrl+C. Data is kept in .data/ (delete it to start afresh).
`);
}
