import { App, CrossStackReferences, ReferenceStrength, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { routes as routeTable } from '#functions/routes.ts';
import { type Schedule, schedules as scheduleTable } from '#functions/schedules.ts';
import { type StreamConsumer, streamConsumers as streamTable } from '#functions/streams.ts';
import type { Route } from '#shared/http/route.ts';
import { StatefulStack } from './stateful-stack.ts';
import { StatelessStack } from './stateless-stack.ts';
import { WebStack } from './web-stack.ts';

export const DEFAULT_REGION = 'ap-northeast-1';

/**
 * Context values (`cdk deploy -c name=value`, or "context" in cdk.json) and their defaults.
 * mailFrom must be (or be in the domain of) a verified SES identity in the account.
 */
export const CONTEXT_DEFAULTS = {
  /** Where to deploy; without it the CLI's region (CDK_DEFAULT_REGION), else ap-northeast-1. */
  region: undefined as string | undefined,
  mailFrom: 'Kakehashi <no-reply@example.com>',
  stripePublishableKey: '',
  /** A custom origin in front of the distribution; by default the distribution's own https:// domain. */
  webOrigin: undefined as string | undefined,
  logLevel: 'INFO' as 'DEBUG' | 'INFO' | 'WARN' | 'ERROR',
  apiRateLimit: 500,
  apiBurstLimit: 1000,
};

export interface BuildAppOptions {
  /** Where to write the cloud assembly (tests: a temp dir). @default the CLI's, or cdk.out */
  readonly outdir?: string;
  /** Extra context, as with `-c` on the command line. */
  readonly context?: Record<string, unknown>;
  /** @default functions/routes.ts */
  readonly routes?: Readonly<Record<string, Route>>;
  /** @default functions/schedules.ts */
  readonly schedules?: readonly Schedule[];
  /** @default functions/streams.ts */
  readonly streamConsumers?: readonly StreamConsumer[];
  /** @default web/dist if it has an index.html; null: never upload the web app */
  readonly webDist?: string | null;
}

export interface KakehashiApp {
  readonly app: App;
  readonly stateful: StatefulStack;
  readonly web: WebStack;
  readonly stateless: StatelessStack;
}

/**
 * The CDK app: stateful (table, user pool, secret) → web (bucket, distribution, API endpoint) →
 * stateless (functions, routes, schedules, stream consumers, alarms), checked by cdk-nag's AwsSolutions
 * pack. A finding that is not acknowledged (with its reason, next to the resource) fails synthesis.
 */
export function buildApp(options: BuildAppOptions = {}): KakehashiApp {
  const app = new App({
    ...(options.outdir ? { outdir: options.outdir } : {}),
    ...(options.context ? { context: options.context } : {}),
  });
  // Strong (Fn::ImportValue) references: CloudFormation refuses to delete what the stateless stack uses.
  CrossStackReferences.of(app).consume(ReferenceStrength.STRONG);
  // Server access logs are delivered under a bucket policy, not the deprecated log-delivery ACL.
  app.node.setContext('@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy', true);
  const context = <K extends keyof typeof CONTEXT_DEFAULTS>(key: K): (typeof CONTEXT_DEFAULTS)[K] => {
    const value = app.node.tryGetContext(key);
    if (value === undefined || value === null) return CONTEXT_DEFAULTS[key];
    return (
      typeof CONTEXT_DEFAULTS[key] === 'number' ? Number(value) : value
    ) as (typeof CONTEXT_DEFAULTS)[K];
  };
  const logLevel = context('logLevel');
  if (!['DEBUG', 'INFO', 'WARN', 'ERROR'].includes(logLevel)) throw new Error(`logLevel: ${logLevel}`);

  const env = {
    account: process.env.CDK_DEFAULT_ACCOUNT,
    region: context('region') ?? process.env.CDK_DEFAULT_REGION ?? DEFAULT_REGION,
  };

  const stateful = new StatefulStack(app, 'KakehashiStateful', {
    env,
    description: 'Kakehashi: the table, the user pool and the Stripe secret (retained, deletion-protected)',
    terminationProtection: true,
  });
  const webOrigin = context('webOrigin');
  const web = new WebStack(app, 'KakehashiWeb', {
    env,
    description: 'Kakehashi: web app bucket, CloudFront distribution and the HTTP API endpoint',
    ...(webOrigin ? { webOrigin } : {}),
    ...(options.webDist !== undefined ? { webDist: options.webDist } : {}),
    throttle: { rateLimit: context('apiRateLimit'), burstLimit: context('apiBurstLimit') },
  });
  const stateless = new StatelessStack(app, 'KakehashiStateless', {
    env,
    description: 'Kakehashi: functions, API routes, schedules, stream consumers and alarms',
    table: stateful.table,
    userPool: stateful.userPool,
    userPoolClient: stateful.userPoolClient,
    stripeSecret: stateful.stripeSecret,
    httpApi: web.httpApi,
    webOrigin: web.webOrigin,
    routes: options.routes ?? routeTable,
    schedules: options.schedules ?? scheduleTable,
    streamConsumers: options.streamConsumers ?? streamTable,
    mailFrom: context('mailFrom'),
    stripePublishableKey: context('stripePublishableKey'),
    logLevel,
  });

  Tags.of(app).add('project', 'kakehashi');
  Tags.of(app).add('managed-by', 'aws-cdk');

  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  return { app, stateful, web, stateless };
}

if (import.meta.main) {
  buildApp().app.synth();
}
