import { ArnFormat, Duration, NestedStack, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import {
  HttpApi,
  HttpMethod,
  HttpNoneAuthorizer,
  HttpRoute,
  HttpRouteKey,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import type { UserPool, UserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { type CfnFunction, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import {
  ContextAttribute,
  Schedule,
  ScheduleExpression,
  ScheduleTargetInput,
} from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import type { Schedule as JobSchedule } from '#functions/schedules.ts';
import type { StreamConsumer } from '#functions/streams.ts';
import { gatewayAuthorizes, type Needs, needsOf, type Route, splitRouteKey } from '#shared/http/route.ts';
import { KakehashiFunction } from './kakehashi-function.ts';

export interface StatelessStackProps extends StackProps {
  readonly table: TableV2;
  readonly userPool: UserPool;
  readonly userPoolClient: UserPoolClient;
  readonly stripeSecret: ISecret;
  /** The HTTP API endpoint (web stack): this stack attaches the routes, authorizer and integrations. */
  readonly httpApi: HttpApi;
  /** `https://…` where the web app is served: CORS origin and links in mails (WEB_ORIGIN). */
  readonly webOrigin: string;
  readonly routes: Readonly<Record<string, Route>>;
  readonly schedules: readonly JobSchedule[];
  readonly streamConsumers: readonly StreamConsumer[];
  /** `Name <address>` or `address`; the address (or its domain) must be a verified SES identity. */
  readonly mailFrom: string;
  readonly stripePublishableKey: string;
  readonly logLevel: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
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

/**
 * The code: one function per handler file named in the route table, the schedules and the stream
 * consumers, the API routes (JWT authorizer on every route that is not public), the schedules, the
 * stream event source mappings and the alarms. Nothing here keeps data; it can be destroyed and rebuilt.
 */
export class StatelessStack extends Stack {
  /** Every function, by handler file (`accounts/get-me`). */
  readonly functions = new Map<string, KakehashiFunction>();
  /**
   * The API's routes, their integrations and invoke permissions (three resources a route) and the authorizer,
   * in a nested stack of their own: with the functions (four resources each) in one stack, the product passed
   * CloudFormation's 500 resources a stack at about 80 routes.
   */
  readonly api: NestedStack;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);

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
    };

    /** One function per handler file, granted exactly what its line says it needs (least privilege). */
    const functionFor = (handler: string, description: string, needs: Needs): KakehashiFunction => {
      const existing = this.functions.get(handler);
      if (existing) return existing;
      const fn = new KakehashiFunction(this, constructId(handler), {
        handler,
        description,
        environment,
        needs,
      });
      if (needs.table) fn.bindTable(props.table, { access: needs.table, scan: needs.scan === true });
      if (needs.mail) fn.addToRolePolicy(sendMail);
      if (needs.stripe) {
        props.stripeSecret.grantRead(fn);
        fn.addEnvironment('STRIPE_SECRET_ARN', props.stripeSecret.secretArn);
      }
      this.functions.set(handler, fn);
      return fn;
    };

    // --- API routes ---------------------------------------------------------------------------------------
    // The endpoint is imported so that the authorizer and integrations are created in this stack's routes.
    this.api = new NestedStack(this, 'ApiRoutes', {
      description: 'Kakehashi: the API routes, their Lambda integrations and the JWT authorizer',
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
    for (const [key, route] of Object.entries(props.routes)) {
      const { method, path } = splitRouteKey(key);
      const fn = functionFor(route.handler, `${key}: ${route.summary}`, needsOf(route));
      const routeId = constructId(key);
      const httpRoute = new HttpRoute(routesScope, `Route${routeId}`, {
        httpApi,
        routeKey: HttpRouteKey.with(path, HttpMethod[method]),
        integration: new HttpLambdaIntegration(`${routeId}Integration`, fn),
        authorizer: gatewayAuthorizes(route.access) ? authorizer : new HttpNoneAuthorizer(),
      });
      if (!gatewayAuthorizes(route.access)) {
        Validations.of(httpRoute).acknowledge({
          id: 'AwsSolutions::AwsSolutions-APIG4',
          reason: `${key} is public in its line (functions/${route.handler.split('/')[0]}/routes.ts): callable without signing in.`,
        });
      }
    }
    new Alarm(this, 'Api5xxAlarm', {
      alarmDescription: 'The API answered with 5xx errors (there should be none: bad input is a 4xx).',
      metric: props.httpApi.metricServerError({ period: Duration.minutes(5), statistic: 'Sum' }),
      threshold: 5,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });

    // --- Scheduled jobs -------------------------------------------------------------------------------------
    if (props.schedules.length > 0) {
      const jobFailures = this.failureQueue(
        'JobFailures',
        'Schedules EventBridge Scheduler could not deliver, and scheduled runs that failed after retries.',
      );
      for (const job of props.schedules) {
        const fn = functionFor(job.handler, `Scheduled ${job.name}: ${job.summary}`, job.needs);
        fn.configureAsyncInvoke({ retryAttempts: 2, onFailure: new SqsDestination(jobFailures) });
        const scheduleId = `Schedule${constructId(job.name)}`;
        const role = new Role(this, `${scheduleId}Role`, {
          assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
            conditions: { StringEquals: { 'aws:SourceAccount': this.account } },
          }),
          description: `EventBridge Scheduler: invokes functions/${job.handler}.ts`,
        });
        Validations.of(role).acknowledge({
          id: `AwsSolutions::AwsSolutions-IAM5[Resource::<${this.getLogicalId(fn.node.defaultChild as CfnFunction)}.Arn>:*]`,
          reason:
            'lambda:InvokeFunction on this one function and its versions/aliases (<function ARN>:*), as ' +
            'granted by grantInvoke; no other function.',
        });
        new Schedule(this, scheduleId, {
          description: `${job.name}: ${job.summary}`,
          schedule: scheduleExpression(job.expression),
          target: new LambdaInvoke(fn, {
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
        this.errorAlarm(fn, `${job.name} (scheduled) failed`);
      }
    }

    // --- Stream consumers -----------------------------------------------------------------------------------
    for (const consumer of props.streamConsumers) {
      const fn = functionFor(consumer.handler, `Stream consumer ${consumer.name}`, consumer.needs);
      const failures = this.failureQueue(
        `${constructId(consumer.name)}StreamFailures`,
        `Stream records the ${consumer.name} consumer could not process after ${consumer.maxRetries} retries.`,
      );
      fn.addEventSource(
        new DynamoEventSource(props.table, {
          startingPosition: StartingPosition.TRIM_HORIZON,
          batchSize: consumer.batchSize,
          retryAttempts: consumer.maxRetries,
          bisectBatchOnError: true,
          reportBatchItemFailures: true,
          onFailure: new SqsDlq(failures),
        }),
      );
      this.errorAlarm(fn, `${consumer.name} (stream consumer) failed`);
    }
  }

  /** An encrypted, TLS-only queue that collects what failed for good, with an alarm on its depth. */
  private failureQueue(id: string, description: string): Queue {
    const queue = new Queue(this, id, {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(queue).acknowledge({
      id: 'AwsSolutions::AwsSolutions-SQS3',
      reason: `This queue is itself a dead-letter destination: ${description}`,
    });
    new Alarm(this, `${id}Alarm`, {
      alarmDescription: `${description} Inspect and redrive the messages.`,
      metric: queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    return queue;
  }

  private errorAlarm(fn: KakehashiFunction, description: string): void {
    new Alarm(this, `${fn.node.id}ErrorsAlarm`, {
      alarmDescription: `functions/${fn.handlerName}.ts: ${description}.`,
      metric: fn.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
  }
}
