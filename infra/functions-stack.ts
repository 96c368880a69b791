import { Duration, NestedStack, type NestedStackProps, Validations } from 'aws-cdk-lib';
import type { Alarm, IAlarm } from 'aws-cdk-lib/aws-cloudwatch';
import {
  type ILambdaDeploymentConfig,
  LambdaApplication,
  LambdaDeploymentConfig,
  LambdaDeploymentGroup,
} from 'aws-cdk-lib/aws-codedeploy';
import { ManagedPolicy, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { Alias } from 'aws-cdk-lib/aws-lambda';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { anyInFiveMinutes, FIVE_MINUTES, notifyingAlarm } from './alarms.ts';
import { KakehashiFunction, type KakehashiFunctionProps } from './kakehashi-function.ts';

/**
 * How a new version of the code reaches the `live` aliases (context `deployment`): `canary` (10 % of the
 * invocations for five minutes, then all) or, for a stack nobody uses, `all-at-once`. `ignoreAlarms` deploys
 * even while an alarm is in ALARM (a hotfix during an incident; docs/operations.md).
 */
export type DeploymentSettings = { style: 'canary' | 'all-at-once'; ignoreAlarms: boolean };

const deploymentConfigs: Record<DeploymentSettings['style'], ILambdaDeploymentConfig> = {
  canary: LambdaDeploymentConfig.CANARY_10PERCENT_5MINUTES,
  'all-at-once': LambdaDeploymentConfig.ALL_AT_ONCE,
};

/** One function as the rest of the app sees it. */
export interface LiveFunction {
  readonly fn: KakehashiFunction;
  /** `live`: what API routes, schedules and stream mappings invoke; CodeDeploy moves it to each new version. */
  readonly alias: Alias;
  /** Shifts `live` gradually and rolls back when one of its alarms goes off. */
  readonly deployment: LambdaDeploymentGroup;
  readonly errors: Alarm;
  readonly throttles: Alarm;
}

export interface FunctionsStackProps extends NestedStackProps {
  readonly alarmTopic: ITopic;
  readonly deployment: DeploymentSettings;
}

/**
 * The functions of one context (`functions/<context>/`), each with what it takes to run and to be deployed
 * safely: its log group and role, its current version and `live` alias, a CodeDeploy deployment group that
 * moves the alias gradually and rolls back on alarms, and its Errors and Throttles alarms. About nine
 * resources a function: a nested stack per context keeps every template far below CloudFormation's 500
 * (tests/infra/stacks.test.ts keeps each under 450), and a context's functions deploy together.
 */
export class FunctionsStack extends NestedStack {
  readonly functions = new Map<string, LiveFunction>();
  private readonly application: LambdaApplication;
  private readonly deployRole: Role;
  private readonly alarmTopic: ITopic;
  private readonly deploymentSettings: DeploymentSettings;

  constructor(scope: Construct, id: string, props: FunctionsStackProps) {
    super(scope, id, props);
    this.alarmTopic = props.alarmTopic;
    this.deploymentSettings = props.deployment;
    this.application = new LambdaApplication(this, 'Deployments');
    // One role for the context's deployment groups (CodeDeploy would make one per group).
    this.deployRole = new Role(this, 'DeployRole', {
      assumedBy: new ServicePrincipal('codedeploy.amazonaws.com'),
      description: 'CodeDeploy: shifts the live aliases of these functions and reads their alarms',
      managedPolicies: [
        ManagedPolicy.fromAwsManagedPolicyName('service-role/AWSCodeDeployRoleForLambdaLimited'),
      ],
    });
    Validations.of(this.deployRole).acknowledge({
      id: 'AwsSolutions::AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSCodeDeployRoleForLambdaLimited]',
      reason:
        'The AWS-managed policy CodeDeploy documents for Lambda deployments: update and read aliases, read ' +
        'alarms, invoke only CodeDeployHook_* functions. Kept current by AWS as CodeDeploy changes.',
    });
  }

  /** A function of this context, its `live` alias, its deployment group and its two alarms. */
  add(id: string, props: KakehashiFunctionProps): LiveFunction {
    const fn = new KakehashiFunction(this, id, props);
    const alias = fn.addAlias('live', { description: 'What callers invoke; moved by CodeDeploy' });
    const topic = this.alarmTopic;
    const errors = anyInFiveMinutes(
      this,
      `${id}ErrorsAlarm`,
      topic,
      fn.metricErrors(),
      `functions/${props.handler}.ts failed (Errors: an exception, a timeout or a crash). ` +
        'Rolls back a deployment in progress (docs/operations.md#function-errors).',
    );
    const throttles = anyInFiveMinutes(
      this,
      `${id}ThrottlesAlarm`,
      topic,
      fn.metricThrottles(),
      `functions/${props.handler}.ts was throttled: the account's concurrency is used up ` +
        '(docs/operations.md#function-throttles).',
    );
    const deployment = new LambdaDeploymentGroup(this, `${id}Deployment`, {
      application: this.application,
      alias,
      deploymentConfig: deploymentConfigs[this.deploymentSettings.style],
      alarms: [errors],
      ignoreAlarmConfiguration: this.deploymentSettings.ignoreAlarms,
      autoRollback: {
        failedDeployment: true,
        stoppedDeployment: true,
        deploymentInAlarm: !this.deploymentSettings.ignoreAlarms,
      },
      // The shared role, as it is: the group would otherwise attach the managed policy again.
      role: this.deployRole.withoutPolicyUpdates(),
    });
    const live = { fn, alias, deployment, errors, throttles };
    this.functions.set(props.handler, live);
    return live;
  }

  /** More alarms that roll back a function's deployments (an API function's: the API's 5xx rate, its p99). */
  rollBackOn(live: LiveFunction, ...alarms: IAlarm[]): void {
    for (const alarm of alarms) live.deployment.addAlarm(alarm);
  }
}

/**
 * An encrypted, TLS-only queue that collects what failed for good (a dead-letter destination), with an alarm
 * on its depth.
 */
export function failureQueue(scope: Construct, id: string, description: string, topic: ITopic): Queue {
  const queue = new Queue(scope, id, {
    encryption: QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    retentionPeriod: Duration.days(14),
  });
  Validations.of(queue).acknowledge(
    {
      id: 'AwsSolutions::AwsSolutions-SQS3',
      reason: `This queue is itself a dead-letter destination: ${description}`,
    },
    {
      id: 'Serverless::Serverless-SQSRedrivePolicy',
      reason: `This queue is itself the dead-letter destination (nothing consumes it to redrive from): ${description}`,
    },
  );
  notifyingAlarm(scope, `${id}Alarm`, topic, {
    alarmDescription: `${description} Inspect and redrive the messages (docs/operations.md#failure-queues).`,
    metric: queue.metricApproximateNumberOfMessagesVisible({ period: FIVE_MINUTES }),
    threshold: 1,
    evaluationPeriods: 1,
  });
  return queue;
}
