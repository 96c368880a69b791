import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AUTO_CONFIRM_FUNCTION, type LocalCognito, startCognito } from './cognito.ts';
import { ensureTable, type LocalDynamo, startDynamoDb } from './dynamodb.ts';
import { type LambdaHandler, startGateway } from './gateway.ts';
import { Mailbox } from './mailbox.ts';
import { freePort } from './ports.ts';
import type { RateLimit } from './rate-limit.ts';
import { startScheduler } from './scheduler.ts';
import { type StreamFailure, startStreamPoller } from './stream-poller.ts';
import { LOCAL_STRIPE_KEYS, startLocalStripe } from './stripe/index.ts';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

export type LocalCloudOptions = {
  /** Keep data under `.data/` between runs (npm start); otherwise everything lives in memory and a temp dir. */
  persistent: boolean;
  /** 0: a free port. The local Stripe's is optional (a free one). */
  ports: { gateway: number; dynamodb: number; cognito: number; stripe?: number };
  /** The gateway's rate limit per client IP (default: the gateway's, generous); `false`: none. */
  rateLimit?: RateLimit | false;
  /** Seed the demo accounts and data (default true); a fault test starts an empty cloud of its own. */
  demo?: boolean;
  /** The local Stripe's webhook retry delays (ms), Stripe-like by default. */
  webhookRetryDelaysMs?: number[];
};

/** What a fault test does to the parts (in the process that started the cloud). */
export type Faults = {
  /** DynamoDB Local stalls (SIGSTOP) and resumes (SIGCONT). */
  database: { pause: () => void; resume: () => void };
  /** The local Stripe drops every API connection while on. */
  stripe: { outage: (on: boolean) => void };
};

export type LocalCloud = {
  url: string;
  dynamodbEndpoint: string;
  cognitoEndpoint: string;
  userPoolId: string;
  clientId: string;
  tableName: string;
  /** The local Stripe, unless STRIPE_SECRET_KEY was set (then the product talks to real Stripe). */
  stripeUrl?: string;
  mailbox: Mailbox;
  runSchedule: (name: string, time?: string, input?: Record<string, unknown>) => Promise<unknown>;
  faults: Faults;
  stop: () => Promise<void>;
};

const TABLE_NAME = 'kakehashi';

/** Loads a handler file under functions/ the way Lambda does: its `handler` export. */
async function loadHandler(name: string): Promise<LambdaHandler> {
  const module = (await import(join(ROOT, 'functions', `${name}.ts`))) as { handler?: LambdaHandler };
  if (typeof module.handler !== 'function') throw new Error(`functions/${name}.ts exports no handler`);
  return module.handler;
}

/**
 * The whole cloud on one machine: DynamoDB Local, cognito-local, the API gateway with the same route
 * table, the stream poller, the scheduler and the mailbox. The product's code is configured exactly as
 * Lambda would configure it: environment variables only.
 */
export async function startLocalCloud(options: LocalCloudOptions): Promise<LocalCloud> {
  const port = async (p: number) => (p === 0 ? freePort() : p);
  const ports = {
    gateway: await port(options.ports.gateway),
    dynamodb: await port(options.ports.dynamodb),
    cognito: await port(options.ports.cognito),
  };
  const dataDir = options.persistent ? join(ROOT, '.data') : mkdtempSync(join(tmpdir(), 'kakehashi-'));
  const gatewayUrl = `http://localhost:${ports.gateway}`;
  const stops: (() => Promise<void> | void)[] = [];
  const stop = async () => {
    for (const s of stops.reverse()) await s();
    if (!options.persistent) rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    const dynamo: LocalDynamo = await startDynamoDb(
      ports.dynamodb,
      options.persistent ? join(dataDir, 'dynamodb') : undefined,
    );
    stops.push(() => dynamo.stop());
    await ensureTable(dynamo.client, TABLE_NAME);

    const cognito: LocalCognito = await startCognito({
      port: ports.cognito,
      dir: join(dataDir, 'cognito'),
      gatewayUrl: `${gatewayUrl}/_local/lambda`,
    });
    stops.push(() => cognito.stop());

    // Without a key of its own the product talks to the local Stripe, which delivers webhooks to the gateway.
    let stripeUrl: string | undefined;
    let stripeOutage: Faults['stripe']['outage'] = () => {
      throw new Error('the product talks to real Stripe here (STRIPE_SECRET_KEY is set)');
    };
    const stripeKey = process.env.STRIPE_SECRET_KEY;
    if (!stripeKey || stripeKey === LOCAL_STRIPE_KEYS.secretKey) {
      const stripePort = await port(options.ports.stripe ?? 0);
      const localStripe = await startLocalStripe({
        port: stripePort,
        publicUrl: `http://localhost:${stripePort}`,
        secretKey: LOCAL_STRIPE_KEYS.secretKey,
        webhookSecret: LOCAL_STRIPE_KEYS.webhookSecret,
        webhookUrl: `${gatewayUrl}/v1/webhooks/stripe`,
        dataFile: options.persistent ? join(dataDir, 'stripe.json') : undefined,
        ...(options.webhookRetryDelaysMs ? { retryDelaysMs: options.webhookRetryDelaysMs } : {}),
      });
      stops.push(() => localStripe.stop());
      stripeUrl = localStripe.url;
      stripeOutage = localStripe.outage;
      Object.assign(process.env, {
        STRIPE_SECRET_KEY: LOCAL_STRIPE_KEYS.secretKey,
        STRIPE_WEBHOOK_SECRET: LOCAL_STRIPE_KEYS.webhookSecret,
        STRIPE_PUBLISHABLE_KEY: LOCAL_STRIPE_KEYS.publishableKey,
        STRIPE_API_BASE: localStripe.url,
      });
    }

    // What the CDK stack sets on every function, pointed at the local parts.
    Object.assign(process.env, {
      AWS_REGION: 'ap-northeast-1',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
      AWS_ENDPOINT_URL_SESV2: `${gatewayUrl}/_local/ses`,
      TABLE_NAME,
      USER_POOL_ID: cognito.userPoolId,
      USER_POOL_CLIENT_ID: cognito.clientId,
      COGNITO_ENDPOINT: cognito.endpoint,
      WEB_ORIGIN: gatewayUrl,
      MAIL_FROM: 'Kakehashi <no-reply@kakehashi.local>',
      POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN',
    });

    // Imported only now: the product's modules read their configuration once, at load.
    const { routes } = await import('#functions/routes.ts');
    const { schedules } = await import('#functions/schedules.ts');
    const { streamConsumers } = await import('#functions/streams.ts');
    const handlers = new Map<string, LambdaHandler>();
    for (const route of Object.values(routes)) handlers.set(route.handler, await loadHandler(route.handler));

    const scheduler = startScheduler(
      await Promise.all(
        schedules.map(async (s) => ({
          name: s.name,
          expression: s.expression,
          handler: await loadHandler(s.handler),
        })),
      ),
    );
    stops.push(() => scheduler.stop());

    const streamFailures: StreamFailure[] = [];
    const mailbox = new Mailbox(options.persistent ? join(dataDir, 'mailbox.json') : undefined);
    const gateway = await startGateway({
      port: ports.gateway,
      routes,
      handlers,
      lambdas: new Map([[AUTO_CONFIRM_FUNCTION, autoConfirm]]),
      auth: { issuer: `${cognito.endpoint}/${cognito.userPoolId}`, audience: cognito.clientId },
      webDir: join(ROOT, 'web', 'dist'),
      webOrigin: gatewayUrl,
      mailbox,
      runSchedule: (name, time, input) => scheduler.runNow(name, time, input),
      streamFailures,
      ...(options.rateLimit !== undefined ? { rateLimit: options.rateLimit } : {}),
    });
    stops.push(() => gateway.stop());

    const poller = await startStreamPoller({
      client: dynamo.client,
      tableName: TABLE_NAME,
      startAt: options.persistent ? 'LATEST' : 'TRIM_HORIZON',
      failures: streamFailures,
      consumers: await Promise.all(
        streamConsumers.map(async (c) => ({ ...c, handler: await loadHandler(c.handler) })),
      ),
    });
    stops.push(() => poller.stop());

    if (options.demo !== false) {
      const { seed } = await import('./seed.ts');
      await seed(cognito.client, cognito.userPoolId);
    }

    return {
      url: gateway.url,
      dynamodbEndpoint: dynamo.endpoint,
      cognitoEndpoint: cognito.endpoint,
      userPoolId: cognito.userPoolId,
      clientId: cognito.clientId,
      tableName: TABLE_NAME,
      ...(stripeUrl ? { stripeUrl } : {}),
      mailbox,
      runSchedule: scheduler.runNow,
      faults: {
        database: { pause: dynamo.pause, resume: dynamo.resume },
        stripe: { outage: stripeOutage },
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * cognito-local's PreSignUp trigger: confirms the new user and their e-mail, so a local user can sign
 * in at once (the cloud mails a code instead, and the web app asks for it).
 */
const autoConfirm: LambdaHandler = async (event: { response?: Record<string, unknown> }) => ({
  ...event,
  response: { ...event.response, autoConfirmUser: true, autoVerifyEmail: true },
});
