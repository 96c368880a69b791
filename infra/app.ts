import { App, CrossStackReferences, ReferenceStrength, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { routes as routeTable } from '#functions/routes.ts';
import { type Schedule, schedules as scheduleTable } from '#functions/schedules.ts';
import { type StreamConsumer, streamConsumers as streamTable } from '#functions/streams.ts';
import type { Route } from '#shared/http/route.ts';
import { EDGE_REGION, EdgeStack } from './edge-stack.ts';
import type { DeploymentSettings } from './functions-stack.ts';
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
  /** The stage's limits (all callers together), by tier (infra/api-throttling.ts): reads… */
  apiRateLimit: 500,
  apiBurstLimit: 1000,
  /** …writes… */
  apiWriteRateLimit: 100,
  apiWriteBurstLimit: 200,
  /** …and writes that mail, call Stripe or are public (sign-up, applying, the Stripe webhook). */
  apiSensitiveRateLimit: 20,
  apiSensitiveBurstLimit: 40,
  /** WAF: requests one IP may make to /v1/* in five minutes (infra/edge-stack.ts). */
  wafApiRequestsPerIp: 2000,
  /** How new code reaches the live aliases: `canary` (10 % for five minutes) or `all-at-once`. */
  deployment: 'canary' as DeploymentSettings['style'],
  /** Deploy even while an alarm is in ALARM (a hotfix during an incident; docs/operations.md). */
  deployIgnoringAlarms: false,
  /**
   * Any new value (a date) after new Stripe keys were put in the secret: the Stripe functions get it as an
   * environment variable, so a deployment replaces them and their cached keys (docs/operations.md).
   */
  stripeSecretRevision: undefined as string | undefined,
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
  readonly edge: EdgeStack;
  readonly stateful: StatefulStack;
  readonly web: WebStack;
  readonly stateless: StatelessStack;
}

/**
 * The CDK app: edge (the WAF web ACL, in us-east-1) and stateful (table, user pool, secret, alarm topic) →
 * web (bucket, distribution, API endpoint) → stateless (functions behind live aliases, routes and stage,
 * schedules, stream consumers, alarms), checked by cdk-nag's AwsSolutions and Serverless packs. A finding
 * that is not acknowledged (with its reason, next to the resource) fails synthesis.
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
    const kind = typeof CONTEXT_DEFAULTS[key];
    return (
      kind === 'number' ? Number(value) : kind === 'boolean' ? value === true || value === 'true' : value
    ) as (typeof CONTEXT_DEFAULTS)[K];
  };
  const logLevel = context('logLevel');
  if (!['DEBUG', 'INFO', 'WARN', 'ERROR'].includes(logLevel)) throw new Error(`logLevel: ${logLevel}`);
  const deployment = context('deployment');
  if (!['canary', 'all-at-once'].includes(deployment)) throw new Error(`deployment: ${deployment}`);

  const env = {
    account: process.env.CDK_DEFAULT_ACCOUNT,
    region: context('region') ?? process.env.CDK_DEFAULT_REGION ?? DEFAULT_REGION,
  };

  // CloudFront's web ACL must be made in us-east-1, so it has a stack of its own there (infra/edge-stack.ts).
  const edge = new EdgeStack(app, 'KakehashiEdge', {
    env: { account: env.account, region: EDGE_REGION },
    description:
      'Kakehashi: the AWS WAF web ACL in front of CloudFront (us-east-1, where CloudFront ACLs live)',
    apiRequestsPerIpPer5Minutes: context('wafApiRequestsPerIp'),
  });
  const stateful = new StatefulStack(app, 'KakehashiStateful', {
    env,
    description:
      'Kakehashi: the table, the user pool, the Stripe secret and the alarm topic (retained, deletion-protected)',
    terminationProtection: true,
  });
  const webOrigin = context('webOrigin');
  const web = new WebStack(app, 'KakehashiWeb', {
    env,
    description: 'Kakehashi: web app bucket, CloudFront distribution and the HTTP API endpoint',
    ...(webOrigin ? { webOrigin } : {}),
    ...(options.webDist !== undefined ? { webDist: options.webDist } : {}),
    webAclArn: edge.webAcl.attrArn,
  });
  const stateless = new StatelessStack(app, 'KakehashiStateless', {
    env,
    description: 'Kakehashi: functions, API routes, schedules, stream consumers and alarms',
    table: stateful.table,
    userPool: stateful.userPool,
    userPoolClient: stateful.userPoolClient,
    stripeSecret: stateful.stripeSecret,
    httpApi: web.httpApi,
    apiAccessLogs: web.apiAccessLogs,
    webOrigin: web.webOrigin,
    routes: options.routes ?? routeTable,
    schedules: options.schedules ?? scheduleTable,
    streamConsumers: options.streamConsumers ?? streamTable,
    mailFrom: context('mailFrom'),
    stripePublishableKey: context('stripePublishableKey'),
    logLevel,
    alarmTopic: stateful.alarmTopic,
    throttles: {
      default: { rateLimit: context('apiRateLimit'), burstLimit: context('apiBurstLimit') },
      write: { rateLimit: context('apiWriteRateLimit'), burstLimit: context('apiWriteBurstLimit') },
      sensitive: {
        rateLimit: context('apiSensitiveRateLimit'),
        burstLimit: context('apiSensitiveBurstLimit'),
      },
    },
    deployment: { style: deployment, ignoreAlarms: context('deployIgnoringAlarms') },
    stripeSecretRevision: context('stripeSecretRevision'),
  });

  Tags.of(app).add('project', 'kakehashi');
  Tags.of(app).add('managed-by', 'aws-cdk');

  Validations.of(app).addPlugins(
    new AwsSolutionsChecks(app, { verbose: true }),
    new ServerlessChecks(app, { verbose: true }),
  );
  return { app, edge, stateful, web, stateless };
}

if (import.meta.main) {
  buildApp().app.synth();
}
