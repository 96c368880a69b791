import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  AssetHashType,
  DockerImage,
  Duration,
  type ILocalBundling,
  RemovalPolicy,
  Validations,
} from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Code, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { tableDefinition } from '#shared/data/table.ts';
import type { Needs } from '#shared/http/route.ts';
import { bundleHandler } from './bundling.ts';

/** The repository root: functions/, shared/ and package-lock.json live here. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** DynamoDB actions of a function that reads the table (a line's `needs.table: 'read'`). Never `Scan`. */
export const TABLE_READ_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:DescribeTable',
];
/** …and of one that writes it (`'write'`): items, batches and transactions (condition checks included). */
export const TABLE_WRITE_ACTIONS = [
  'dynamodb:ConditionCheckItem',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
];

export interface KakehashiFunctionProps {
  /** Handler file under functions/, without extension (a route table, schedule or stream line's `handler`). */
  readonly handler: string;
  readonly description?: string;
  readonly environment?: Record<string, string>;
  /** What the function's line says it needs: decides how it is bundled (infra/bundling.ts). */
  readonly needs: Needs;
  /** @default 10 seconds */
  readonly timeout?: Duration;
  /** @default 1024 MB */
  readonly memorySize?: number;
}

/**
 * CDK's local bundling of one function: infra/bundling.ts, run in-process by the installed esbuild (no Docker).
 * Its fields are part of CDK's asset cache key, so that no two functions share a bundle.
 */
class LocalBundling implements ILocalBundling {
  readonly handler: string;
  readonly needs: Needs;

  constructor(handler: string, needs: Needs) {
    this.handler = handler;
    this.needs = needs;
  }

  tryBundle(outputDir: string): boolean {
    bundleHandler(this.handler, outputDir, this.needs, { absWorkingDir: REPO_ROOT });
    return true;
  }
}

/**
 * Every function of the product: Node 24 on arm64, one minified ESM bundle per handler with the AWS SDK
 * inside (its lazily imported parts in chunks beside it), source maps on, X-Ray tracing, and its
 * own log group with a retention. Its role can write to that log group and nothing else until the stack
 * grants more (`bindTable`, SES, queues).
 */
export class KakehashiFunction extends NodejsFunction {
  readonly handlerName: string;
  /** Its own log group: the metric filters of a job's `alarmOnLog` read it. */
  readonly logs: LogGroup;

  constructor(scope: Construct, id: string, props: KakehashiFunctionProps) {
    const logGroup = new LogGroup(scope, `${id}LogGroup`, {
      retention: RetentionDays.ONE_MONTH,
      // The stateless stack can be destroyed and rebuilt; its logs expire after a month anyway.
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // An explicit role instead of AWSLambdaBasicExecutionRole: write to this function's log group only.
    const role = new Role(scope, `${id}Role`, {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Runs functions/${props.handler}.ts`,
    });
    logGroup.grantWrite(role);

    super(scope, id, {
      code: Code.fromAsset(REPO_ROOT, {
        assetHashType: AssetHashType.OUTPUT,
        bundling: {
          // Never used: local bundling always succeeds (CDK requires an image all the same).
          image: DockerImage.fromRegistry('dummy'),
          local: new LocalBundling(props.handler, props.needs),
        },
      }),
      handler: 'index.handler',
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 1024,
      timeout: props.timeout ?? Duration.seconds(10),
      tracing: Tracing.ACTIVE,
      logGroup,
      role,
      description: props.description ?? `functions/${props.handler}.ts`,
      environment: { NODE_OPTIONS: '--enable-source-maps', ...props.environment },
    });
    this.handlerName = props.handler;
    this.logs = logGroup;

    Validations.of(role).acknowledge({
      id: 'AwsSolutions::AwsSolutions-IAM5[Resource::*]',
      reason:
        'X-Ray tracing (xray:PutTraceSegments, xray:PutTelemetryRecords) has no resource-level ' +
        'permissions: AWS only accepts "*" for these two actions.',
    });
  }

  /**
   * Lets the function read (and, with `access: 'write'`, write) the table's items and its indexes, and tells it
   * the table's name (TABLE_NAME, read by shared/config.ts). `Scan` is granted only on request
   * (`{ scan: true }`): request paths use GetItem, Query and transactions.
   */
  bindTable(table: ITableV2, options: { access: 'read' | 'write'; scan?: boolean }): void {
    const actions = [
      ...TABLE_READ_ACTIONS,
      ...(options.access === 'write' ? TABLE_WRITE_ACTIONS : []),
      ...(options.scan ? ['dynamodb:Scan'] : []),
    ];
    const indexArns = tableDefinition.globalSecondaryIndexes.map(
      (index) => `${table.tableArn}/index/${index.indexName}`,
    );
    this.addToRolePolicy(
      new PolicyStatement({
        actions,
        resources: [table.tableArn, ...indexArns],
      }),
    );
    if (options.access === 'write') table.encryptionKey?.grantEncryptDecrypt(this);
    else table.encryptionKey?.grantDecrypt(this);
    this.addEnvironment('TABLE_NAME', table.tableName);
  }
}
