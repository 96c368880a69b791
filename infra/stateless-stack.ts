import { ArnFormat, NestedStack, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  type CfnRoute,
  type CfnStage,
  HttpApi,
  HttpMethod,
  HttpNoneAuthorizer,
  HttpRoute,
  HttpRouteKey,
  HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { type Alarm, MathExpression } from 'aws-cdk-lib/aws-cloudwatch';
import type { UserPool, UserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { FilterPattern, type ILogGroup, MetricFilter } from 'aws-cdk-lib/aws-logs';
import {
  ContextAttribute,
  Schedule,
  ScheduleExpression,
  ScheduleTargetInput,
} from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import type { Schedule as JobSchedule } from '#functions/schedules.ts';
import type { StreamConsumer } from '#functions/streams.ts';
import { gatewayAuthorizes, type Needs, needsOf, type Route, splitRouteKey } from '#shared/http/route.ts';
import { anyInFiveMinutes, FIVE_MINUTES, notifyingAlarm, ONE_MINUTE } from './alarms.ts';
import { type ApiThrottles, routeThrottles } from './api-throttling.ts';
import {
  type DeploymentSettings,
  FunctionsStack,
  failureQueue,
  type LiveFunction,
} from './functions-stack.ts';

export interface StatelessStackProps extends StackProps {
  readonly table: TableV2;
  readonly userPool: UserPool;
  readonly userPoolClient: UserPoolClient;
  readonly stripeSecret: ISecret;
  /** The HTTP API endpoint (web stack): this stack attaches the routes, authorizer, integrations and stage. */
  readonly httpApi: HttpApi;
  /** The stage's access log group (web stack: retained, outlives this stack). */
  readonly apiAccessLogs: ILogGroup;
  /** `https://…` where the web app is served: CORS origin and links in mails (WEB_ORIGIN). */
  readonly webOrigin: string;
  readonly routes: Readonly<Record<string, Route>>;
  readonly schedules: readonly JobSchedule[];
  readonly streamConsumers: readonly StreamConsumer[];
  /** `Name <address>` or `address`; the address (or its domain) must be a verified SES identity. */
  readonly mailFrom: string;
  readonly stripePublishableKey: string;
  readonly logLevel: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
  /** Where every alarm goes (stateful stack). */
  readonly alarmTopic: ITopic;
  /** The stage's limits: the default for reads, stricter ones for writes (infra/api-throttling.ts). */
  readonly throttles: ApiThrottles;
  readonly deployment: DeploymentSettings;
  /** Set after Stripe keys changed: replaces the Stripe functions, which read the secret once a container. */
  readonly stripeSecretRevision?: string | undefined;
}

/** `accounts/get-me` → `AccountsGetMe`, `GET /v1/me` → `GetV1Me`: stable construct ids. */
export function constructId(text: string): string {
  return text
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

/** `rate(...)` and `cron(...)` as EventBridge Scheduler takes them (UTC, like the local scheduler). */
export function scheduleExpression(expression: string): ScheduleExpression {
  if (!/^(rate|cron)\(.+\)$/.test(expression)) {
    throw new Error(`A schedule expression is rate(...) or cron(...): ${expression}`);
  }
  return ScheduleExpression.expression(expression);
}

/** The address inside `Name <address>`. */
function mailAddress(mailFrom: string): string {
  const address = /<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom;
  if (!/^[^@\s]+@[^@\s]+$/.test(address)) throw new Error(`mailFrom has no e-mail address: ${mailFrom}`);
  return address.trim();
}

/** The stage's access log line: JSON, one object a request. */
export const API_ACCESS_LOG_FORMAT = AccessLogFormat.custom(
  JSON.stringify({
    requestId: '$context.requestId',
    ip: '$context.identity.sourceIp',
    requestTime: '$context.requestTime',
    method: '$context.httpMethod',
    routeKey: '$context.routeKey',
    path: '$context.path',
    status: '$context.status',
    protocol: '$context.protocol',
    responseLength: '$context.responseLength',
    latency: '$context.responseLatency',
    integrationLatency: '$context.integration.latency',
    integrationStatus: '$context.integrationStatus',
    error: '$context.error.message',
    authorizerError: '$context.authorizer.error',
    sub: '$context.authorizer.claims.sub',
    userAgent: '$context.identity.userAgent',
  }),
);

/** How a function is invoked: decides what its Serverless-LambdaDLQ acknowledgement says. */
type Invocation = 'api' | 'schedule' | 'stream';
const NO_DLQ_BECAUSE: Record<Invocation, string> = {
  api:
    'API Gateway invokes it synchronously through its live alias: a failure goes back to the caller as an ' +
    'answer (5xx) and is counted by the API 5xx alarm; a DLQ only applies to asynchronous invocations.',
  schedule:
    'EventBridge Scheduler invokes its live alias asynchronously; the alias has an on-failure destination (the ' +
    'JobFailures queue, with the error) after two retries, which supersedes a dead-letter queue.',
  stream:
    'A DynamoDB stream event source mapping invokes its live alias; the mapping sends a record that still ' +
    'fails after its retries to the consumer’s own failure queue. A DLQ only applies to asynchronous invocations.',
};

/**
 * The code: one function per handler file named in the route table, the schedules and the stream consumers,
 * each behind its `live` alias with a gradual, alarm-guarded deployment (infra/functions-stack.ts), in one
 * nested stack per context; the API routes, JWT authorizer, integrations and the `$default` stage with its
 * throttling in the nested stack `ApiRoutes`; the schedules, stream event source mappings, failure queues and
 * the API's alarms. Nothing here keeps data; it can be destroyed and rebuilt.
 */
export class StatelessStack extends Stack {
  /** Every function, by handler file (`accounts/get-me`), with its alias, deployment group and alarms. */
  readonly functions = new Map<string, LiveFunction>();
  /** The nested stack of each context's functions, by context (`accounts`). */
  readonly functionStacks = new Map<string, FunctionsStack>();
  /**
   * The API's routes, their integrations and invoke permissions (three resources a route), the authorizer and
   * the stage, in a nested stack of their own (CloudFormation allows 500 resources a stack).
   */
  readonly api: NestedStack;
  /** The API's own alarms: they roll back every API function's deployment too. */
  readonly apiAlarms: { serverErrors: Alarm; latencyP99: Alarm };

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const topic = props.alarmTopic;

    const mailFrom = mailAddress(props.mailFrom);
    const mailDomain = mailFrom.split('@')[1] as string;
    const sesIdentity = (name: string) =>
      this.formatArn({
        service: 'ses',
        resource: 'identity',
        resourceName: name,
        arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
      });
    const sendMail = new PolicyStatement({
      actions: ['ses:SendEmail'],
      resources: [sesIdentity(mailDomain), sesIdentity(mailFrom)],
      conditions: { StringEquals: { 'ses:FromAddress': mailFrom } },
    });

    const environment = {
      USER_POOL_ID: props.userPool.userPoolId,
      USER_POOL_CLIENT_ID: props.userPoolClient.userPoolClientId,
      WEB_ORIGIN: props.webOrigin,
      MAIL_FROM: props.mailFrom,
      STRIPE_PUBLISHABLE_KEY: props.stripePublishableKey,
      POWERTOOLS_SERVICE_NAME: 'kakehashi',
      POWERTOOLS_LOG_LEVEL: props.logLevel,
      // Business metrics (shared/business-metrics.ts) as EMF in the function's log, whatever the log level.
      POWERTOOLS_METRICS_NAMESPACE: 'Kakehashi',
      POWERTOOLS_METRICS_DISABLED: 'false',
    };

    // --- The API's alarms ---------------------------------------------------------------------------------
    const api5xx = notifyingAlarm(this, 'Api5xxAlarm', topic, {
      alarmDescription:
        'The API answered 5xx to at least 1 % of requests in five minutes (and at least 5 times): there ' +
        'should be none, bad input is a 4xx. Rolls back API deployments (docs/operations.md#api-5xx-rate).',
      metric: new MathExpression({
        expression: 'IF(errors >= 5, 100 * errors / requests, 0)',
        usingMetrics: {
          errors: props.httpApi.metricServerError({ statistic: 'Sum', period: FIVE_MINUTES }),
          requests: props.httpApi.metricCount({ statistic: 'Sum', period: FIVE_MINUTES }),
        },
        label: '5xx, % of requests',
        period: FIVE_MINUTES,
      }),
      threshold: 1,
      evaluationPeriods: 1,
    });
    const apiLatency = notifyingAlarm(this, 'ApiLatencyP99Alarm', topic, {
      alarmDescription:
        'The slowest 1 % of API requests took 3 s or more over five minutes (functions time out at 10 s). ' +
        'Rolls back API deployments (docs/operations.md#api-p99-latency).',
      metric: props.httpApi.metricLatency({ statistic: 'p99', period: FIVE_MINUTES }),
      threshold: 3000,
      evaluationPeriods: 1,
    });
    this.apiAlarms = { serverErrors: api5xx, latencyP99: apiLatency };

    // --- Functions, one nested stack per context ----------------------------------------------------------
    const stackFor = (handler: string): FunctionsStack => {
      const context = handler.split('/')[0] as string;
      let stack = this.functionStacks.get(context);
      if (!stack) {
        stack = new FunctionsStack(this, `${constructId(context)}Functions`, {
          description: `Kakehashi: the ${context} functions (functions/${context}/), their live aliases, deployments and alarms`,
          alarmTopic: topic,
          deployment: props.deployment,
        });
        this.functionStacks.set(context, stack);
      }
      return stack;
    };

    /** One function per handler file, granted exactly what its line says it needs (least privilege). */
    const functionFor = (
      handler: string,
      description: string,
      needs: Needs,
      invocation: Invocation,
    ): LiveFunction => {
      const live = this.functions.get(handler) ?? newFunction(handler, description, needs);
      Validations.of(live.fn).acknowledge({
        id: 'Serverless::Serverless-LambdaDLQ',
        reason: NO_DLQ_BECAUSE[invocation],
      });
      return live;
    };
    const newFunction = (handler: string, description: string, needs: Needs): LiveFunction => {
      const live = stackFor(handler).add(constructId(handler), { handler, description, environment, needs });
      const { fn } = live;
      if (needs.table) fn.bindTable(props.table, { access: needs.table, scan: needs.scan === true });
      if (needs.mail) fn.addToRolePolicy(sendMail);
      if (needs.stripe) {
        props.stripeSecret.grantRead(fn);
        fn.addEnvironment('STRIPE_SECRET_ARN', props.stripeSecret.secretArn);
        if (props.stripeSecretRevision)
          fn.addEnvironment('STRIPE_SECRET_REVISION', props.stripeSecretRevision);
      }
      this.functions.set(handler, live);
      return live;
    };

    // --- API routes and the stage ---------------------------------------------------------------------------
    // The endpoint is imported so that the authorizer, integrations and stage are created in this stack's routes.
    this.api = new NestedStack(this, 'ApiRoutes', {
      description:
        'Kakehashi: the API routes, their Lambda integrations, the JWT authorizer and the $default stage',
    });
    const routesScope = this.api;
    const httpApi = HttpApi.fromHttpApiAttributes(routesScope, 'Api', {
      httpApiId: props.httpApi.apiId,
      apiEndpoint: props.httpApi.apiEndpoint,
    });
    const authorizer = new HttpJwtAuthorizer(
      'CognitoAuthorizer',
      `https://cognito-idp.${this.region}.${this.urlSuffix}/${props.userPool.userPoolId}`,
      { jwtAudience: [props.userPoolClient.userPoolClientId] },
    );
    const httpRoutes: HttpRoute[] = [];
    for (const [key, route] of Object.entries(props.routes)) {
      const { method, path } = splitRouteKey(key);
      const live = functionFor(route.handler, `${key}: ${route.summary}`, needsOf(route), 'api');
      stackFor(route.handler).rollBackOn(live, api5xx, apiLatency);
      const routeId = constructId(key);
      const httpRoute = new HttpRoute(routesScope, `Route${routeId}`, {
        httpApi,
        routeKey: HttpRouteKey.with(path, HttpMethod[method]),
        // The alias, not the function: a deployment shifts the API's traffic gradually.
        integration: new HttpLambdaIntegration(`${routeId}Integration`, live.alias),
        authorizer: gatewayAuthorizes(route.access) ? authorizer : new HttpNoneAuthorizer(),
      });
      httpRoutes.push(httpRoute);
      if (!gatewayAuthorizes(route.access)) {
        Validations.of(httpRoute).acknowledge({
          id: 'AwsSolutions::AwsSolutions-APIG4',
          reason: `${key} is public in its line (functions/${route.handler.split('/')[0]}/routes.ts): callable without signing in.`,
        });
      }
    }

    // The stage lives here, after the routes, not in the web stack with the endpoint: its per-route throttling
    // names route keys, and API Gateway refuses route settings for a route that does not exist yet ("Unable
    // to find Route by key … within the provided RouteSettings"). Auto-deployed: route changes go live at once.
    // No X-Ray on the stage: HTTP APIs have no tracing (only REST APIs do); traces start at the functions
    // (active tracing), and the access log's requestId is the function's apiRequestId.
    const stage = new HttpStage(routesScope, 'DefaultStage', {
      httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: props.throttles.default,
      accessLogSettings: {
        destination: new LogGroupLogDestination(props.apiAccessLogs),
        format: API_ACCESS_LOG_FORMAT,
      },
    });
    (stage.node.defaultChild as CfnStage).routeSettings = routeThrottles(props.routes, props.throttles);
    for (const httpRoute of httpRoutes) stage.node.addDependency(httpRoute.node.defaultChild as CfnRoute);

    // --- Scheduled jobs -------------------------------------------------------------------------------------
    let jobFailures: Queue | undefined;
    for (const job of props.schedules) {
      jobFailures ??= failureQueue(
        this,
        'JobFailures',
        'Schedules EventBridge Scheduler could not deliver, and scheduled runs that failed after retries.',
        topic,
      );
      const live = functionFor(job.handler, `Scheduled ${job.name}: ${job.summary}`, job.needs, 'schedule');
      live.alias.configureAsyncInvoke({ retryAttempts: 2, onFailure: new SqsDestination(jobFailures) });
      const jobScope = stackFor(job.handler);
      const scheduleId = `Schedule${constructId(job.name)}`;
      const role = new Role(jobScope, `${scheduleId}Role`, {
        assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
          conditions: { StringEquals: { 'aws:SourceAccount': this.account } },
        }),
        description: `EventBridge Scheduler: invokes functions/${job.handler}.ts (its live alias)`,
      });
      new Schedule(jobScope, scheduleId, {
        description: `${job.name}: ${job.summary}`,
        schedule: scheduleExpression(job.expression),
        target: new LambdaInvoke(live.alias, {
          role,
          input: ScheduleTargetInput.fromObject({
            time: ContextAttribute.scheduledTime,
            source: 'aws.scheduler',
            schedule: job.name,
          }),
          retryAttempts: 2,
          deadLetterQueue: jobFailures,
        }),
      });
      if (job.alarmOnLog) {
        const filter = new MetricFilter(jobScope, `${scheduleId}LogFilter`, {
          logGroup: live.fn.logs,
          filterPattern: FilterPattern.stringValue('$.message', '=', job.alarmOnLog.message),
          metricNamespace: 'Kakehashi',
          metricName: job.alarmOnLog.metricName,
          metricValue: '1',
        });
        anyInFiveMinutes(
          jobScope,
          `${scheduleId}LogAlarm`,
          topic,
          filter.metric(),
          job.alarmOnLog.description,
        );
      }
    }

    // --- Stream consumers -----------------------------------------------------------------------------------
    for (const consumer of props.streamConsumers) {
      const live = functionFor(
        consumer.handler,
        `Stream consumer ${consumer.name}`,
        consumer.needs,
        'stream',
      );
      const consumerScope = stackFor(consumer.handler);
      const consumerId = constructId(consumer.name);
      const failures = failureQueue(
        consumerScope,
        `${consumerId}StreamFailures`,
        `Stream records the ${consumer.name} consumer could not process after ${consumer.maxRetries} retries.`,
        topic,
      );
      live.alias.addEventSource(
        new DynamoEventSource(props.table, {
          startingPosition: StartingPosition.TRIM_HORIZON,
          batchSize: consumer.batchSize,
          retryAttempts: consumer.maxRetries,
          bisectBatchOnError: true,
          reportBatchItemFailures: true,
          onFailure: new SqsDlq(failures),
        }),
      );
      notifyingAlarm(consumerScope, `${consumerId}IteratorAgeAlarm`, topic, {
        alarmDescription:
          `The ${consumer.name} stream consumer has been more than five minutes behind the table's changes ` +
          'for five minutes (docs/operations.md#stream-iterator-age).',
        metric: live.fn.metric('IteratorAge', { statistic: 'Maximum', period: ONE_MINUTE }),
        threshold: 5 * 60 * 1000,
        evaluationPeriods: 5,
      });
    }
  }
}
