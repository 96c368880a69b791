import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type NestedStack, type Stack, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '#functions/routes.ts';
import { schedules } from '#functions/schedules.ts';
import { streamConsumers } from '#functions/streams.ts';
import { buildApp, type KakehashiApp } from '#infra/app.ts';
import { tableDefinition } from '#shared/data/table.ts';
import { gatewayAuthorizes, needsOf, splitRouteKey } from '#shared/http/route.ts';

/**
 * The CDK app, synthesised in-process: once as `cdk synth` would (real esbuild bundling, the real route
 * table, schedules and stream consumers), and once with bundling skipped and the parts that are empty today
 * filled in (a stream consumer, a cron schedule, a built web app, a custom web origin), so that those code
 * paths are checked and nagged too. Each cloud assembly goes to a temp dir that is removed afterwards.
 */

type Synth = { built: KakehashiApp; assembly: CloudAssembly; outdir: string };
const outdirs: string[] = [];
const tempDir = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  outdirs.push(dir);
  return dir;
};

function synth(options: Parameters<typeof buildApp>[0]): Synth {
  const outdir = tempDir('kakehashi-cdk-out-');
  const built = buildApp({ ...options, outdir });
  return { built, assembly: built.app.synth(), outdir };
}

const template = (s: Synth, stack: Stack) =>
  Template.fromJSON(s.assembly.getStackArtifact(stack.artifactId).template as Record<string, unknown>);
/** A nested stack's template, written beside its parent's in the assembly. */
const nestedTemplate = (s: Synth, stack: NestedStack) =>
  Template.fromJSON(JSON.parse(readFileSync(join(s.assembly.directory, stack.templateFile), 'utf8')));

type Report = {
  pluginReports: {
    pluginName: string;
    conclusion: string;
    violations: { ruleName: string; severity?: string; violatingConstructs: { constructPath?: string }[] }[];
    suppressedViolations?: { ruleName: string; reason?: string; acknowledgedId: string }[];
  }[];
};
const validationReport = (s: Synth): Report =>
  JSON.parse(readFileSync(join(s.assembly.directory, 'validation-report.json'), 'utf8')) as Report;

let main: Synth;
let extra: Synth;
let stateful: Template;
let web: Template;
let stateless: Template;
/** The stateless stack's nested stack of API routes, integrations and the authorizer. */
let apiRoutes: Template;
let templates: Template[];

const extraConsumer = {
  name: 'test-consumer',
  handler: 'accounts/get-me',
  batchSize: 50,
  maxRetries: 4,
  needs: { table: 'read' as const },
};
const extraSchedule = {
  name: 'nightly-test',
  handler: 'public/health',
  expression: 'cron(0 18 * * ? *)',
  summary: 'A cron line, to check cron(...) expressions.',
  needs: {},
};

beforeAll(() => {
  main = synth({ webDist: null });
  stateful = template(main, main.built.stateful);
  web = template(main, main.built.web);
  stateless = template(main, main.built.stateless);
  apiRoutes = nestedTemplate(main, main.built.stateless.api);
  templates = [stateful, web, stateless, apiRoutes];

  const webDist = tempDir('kakehashi-web-dist-');
  writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>Kakehashi</title>');
  extra = synth({
    webDist,
    context: { 'aws:cdk:bundling-stacks': [], webOrigin: 'https://kakehashi.example.jp' },
    streamConsumers: [...streamConsumers, extraConsumer],
    schedules: [...schedules, extraSchedule],
  });
});

afterAll(() => {
  for (const dir of outdirs) rmSync(dir, { recursive: true, force: true });
});

describe('stateful stack', () => {
  it('has the one table from shared/data/table.ts, protected and retained', () => {
    stateful.resourceCountIs('AWS::DynamoDB::GlobalTable', 1);
    stateful.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        BillingMode: 'PAY_PER_REQUEST',
        KeySchema: [
          { AttributeName: tableDefinition.partitionKey, KeyType: 'HASH' },
          { AttributeName: tableDefinition.sortKey, KeyType: 'RANGE' },
        ],
        StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
        TimeToLiveSpecification: { AttributeName: tableDefinition.timeToLiveAttribute, Enabled: true },
        Replicas: [
          Match.objectLike({
            DeletionProtectionEnabled: true,
            PointInTimeRecoverySpecification: Match.objectLike({ PointInTimeRecoveryEnabled: true }),
          }),
        ],
      }),
    });
  });

  it('has the GSIs of the table definition', () => {
    const [table] = Object.values(stateful.findResources('AWS::DynamoDB::GlobalTable'));
    const indexes = table?.Properties.GlobalSecondaryIndexes as {
      IndexName: string;
      KeySchema: { AttributeName: string; KeyType: string }[];
    }[];
    expect(indexes).toHaveLength(tableDefinition.globalSecondaryIndexes.length);
    expect(indexes).toHaveLength(3);
    for (const index of tableDefinition.globalSecondaryIndexes) {
      expect(indexes).toContainEqual(
        expect.objectContaining({
          IndexName: index.indexName,
          KeySchema: [
            { AttributeName: index.partitionKey, KeyType: 'HASH' },
            { AttributeName: index.sortKey, KeyType: 'RANGE' },
          ],
        }),
      );
    }
  });

  it('retains the user pool and the Stripe secret', () => {
    stateful.hasResource('AWS::Cognito::UserPool', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        DeletionProtection: 'ACTIVE',
        UsernameAttributes: ['email'],
        AutoVerifiedAttributes: ['email'],
        AdminCreateUserConfig: { AllowAdminCreateUserOnly: false },
      }),
    });
    stateful.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      ExplicitAuthFlows: Match.arrayWith(['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH']),
    });
    stateful.hasResource('AWS::SecretsManager::Secret', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
  });
});

describe('stateless stack', () => {
  const handlers = new Set([
    ...Object.values(routes).map((r) => r.handler),
    ...schedules.map((s) => s.handler),
    ...streamConsumers.map((c) => c.handler),
  ]);

  it('makes one Node 24 arm64 function per handler file, traced, with its own log group', () => {
    const functions = Object.values(stateless.findResources('AWS::Lambda::Function'));
    expect(functions).toHaveLength(handlers.size);
    for (const fn of functions) {
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        MemorySize: 1024,
        Timeout: 10,
        Handler: 'index.handler',
        TracingConfig: { Mode: 'Active' },
        LoggingConfig: { LogGroup: { Ref: expect.any(String) } },
      });
    }
  });

  it('gives every function the environment shared/config.ts reads', () => {
    for (const fn of Object.values(stateless.findResources('AWS::Lambda::Function'))) {
      const variables = fn.Properties.Environment.Variables as Record<string, unknown>;
      for (const name of [
        'USER_POOL_ID',
        'USER_POOL_CLIENT_ID',
        'WEB_ORIGIN',
        'MAIL_FROM',
        'STRIPE_PUBLISHABLE_KEY',
        'POWERTOOLS_SERVICE_NAME',
        'POWERTOOLS_LOG_LEVEL',
      ]) {
        expect(variables, name).toHaveProperty(name);
      }
      expect(variables.NODE_OPTIONS).toBe('--enable-source-maps');
    }
  });

  it('bundles each handler as minified ESM with source maps and a require shim', () => {
    const fn = Object.values(stateless.findResources('AWS::Lambda::Function'))[0];
    const hash = String(fn?.Properties.Code.S3Key).replace(/\.zip$/, '');
    const assetDir = join(main.assembly.directory, `asset.${hash}`);
    const files = readdirSync(assetDir);
    expect(files).toContain('index.mjs');
    expect(files).toContain('index.mjs.map');
    const code = readFileSync(join(assetDir, 'index.mjs'), 'utf8');
    expect(code.startsWith('import { createRequire')).toBe(true);
    expect(code).toContain('//# sourceMappingURL=index.mjs.map');
    // Minified: long lines (what newlines remain are inside template literals).
    expect(code.length / code.split('\n').length).toBeGreaterThan(300);
  });

  it('lets functions use the table and its indexes, and send mail from MAIL_FROM only', () => {
    stateless.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: Match.arrayWith(['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem']),
            Resource: Match.arrayWith([
              {
                'Fn::Join': [
                  '',
                  [Match.anyValue(), `/index/${tableDefinition.globalSecondaryIndexes[0].indexName}`],
                ],
              },
            ]),
          }),
          Match.objectLike({
            Action: 'ses:SendEmail',
            Condition: { StringEquals: { 'ses:FromAddress': Match.stringLikeRegexp('@') } },
          }),
        ]),
      },
    });
    for (const policy of Object.values(stateless.findResources('AWS::IAM::Policy')))
      expect(JSON.stringify(policy)).not.toContain('dynamodb:*');
    // No Scan, except for the one job whose line says it must see everything (the relationship population's rebuild).
    const scanning = Object.values(stateless.findResources('AWS::IAM::Policy')).filter((p) =>
      JSON.stringify(p).includes('dynamodb:Scan'),
    );
    expect(scanning).toHaveLength(1);
    expect(JSON.stringify(scanning[0]?.Properties.Roles)).toMatch(/RebuildMetrics/i);
  });

  /** The function of a line, and every statement of the policies attached to its role. */
  function grantsOf(key: string) {
    const route = routes[key];
    const [fnId, fn] = Object.entries(stateless.findResources('AWS::Lambda::Function')).find(([, f]) =>
      String(f.Properties.Description).startsWith(`${key}:`),
    ) as [string, { Properties: { Role: { 'Fn::GetAtt': [string] }; Environment: { Variables: object } } }];
    const roleId = fn.Properties.Role['Fn::GetAtt'][0];
    const statements = Object.values(stateless.findResources('AWS::IAM::Policy'))
      .filter((p) => JSON.stringify(p.Properties.Roles).includes(roleId))
      .flatMap((p) => p.Properties.PolicyDocument.Statement as { Action: string | string[] }[]);
    const actions = statements.flatMap((st) => (Array.isArray(st.Action) ? st.Action : [st.Action]));
    return { route, fnId, actions, env: fn.Properties.Environment.Variables };
  }

  it('grants each function exactly what its line needs: table read or write, mail, the Stripe secret', () => {
    for (const key of Object.keys(routes)) {
      const { route, actions, env } = grantsOf(key);
      const needs = route?.needs ?? {};
      const table = route ? needsOf(route).table : undefined;
      expect(actions.includes('dynamodb:GetItem'), `${key} reads the table`).toBe(table !== undefined);
      expect(actions.includes('dynamodb:PutItem'), `${key} writes the table`).toBe(table === 'write');
      expect(actions.includes('dynamodb:UpdateItem'), `${key} updates the table`).toBe(table === 'write');
      expect('TABLE_NAME' in env, `${key} knows the table`).toBe(table !== undefined);
      expect(actions.includes('ses:SendEmail'), `${key} sends mail`).toBe(needs.mail === true);
      expect(actions.includes('secretsmanager:GetSecretValue'), `${key} reads the Stripe secret`).toBe(
        needs.stripe === true,
      );
      expect('STRIPE_SECRET_ARN' in env, `${key} knows the Stripe secret`).toBe(needs.stripe === true);
    }
  });

  it('gives a read-only route no write, a route that touches nothing no table, and only Stripe routes the secret', () => {
    const browse = grantsOf('GET /v1/projects');
    expect(browse.actions).toContain('dynamodb:Query');
    for (const write of [
      'dynamodb:PutItem',
      'dynamodb:UpdateItem',
      'dynamodb:DeleteItem',
      'dynamodb:BatchWriteItem',
    ])
      expect(browse.actions).not.toContain(write);
    expect(browse.actions).not.toContain('secretsmanager:GetSecretValue');
    for (const key of ['GET /v1/config', 'GET /v1/regions/prefectures', 'GET /v1/openapi.json']) {
      expect(grantsOf(key).actions.filter((a) => a.startsWith('dynamodb:'))).toEqual([]);
    }
    const withSecret = Object.keys(routes).filter((key) =>
      grantsOf(key).actions.includes('secretsmanager:GetSecretValue'),
    );
    expect(withSecret.sort()).toEqual(
      Object.entries(routes)
        .filter(([, r]) => r.needs.stripe)
        .map(([k]) => k)
        .sort(),
    );
    expect(withSecret).toContain('POST /v1/webhooks/stripe');
    // Scan only for the one job that must see everything.
    for (const key of Object.keys(routes)) expect(grantsOf(key).actions, key).not.toContain('dynamodb:Scan');
  });

  it('makes an API route of every line of the route table', () => {
    apiRoutes.resourceCountIs('AWS::ApiGatewayV2::Route', Object.keys(routes).length);
    for (const [key, route] of Object.entries(routes)) {
      apiRoutes.hasResourceProperties('AWS::ApiGatewayV2::Route', {
        RouteKey: key,
        AuthorizationType: gatewayAuthorizes(route.access) ? 'JWT' : 'NONE',
        ...(gatewayAuthorizes(route.access) ? { AuthorizerId: Match.anyValue() } : {}),
      });
      expect(splitRouteKey(key).path.startsWith('/v1/')).toBe(true);
    }
  });

  it('authorizes signed-in routes with a JWT authorizer on the Cognito issuer and the web client', () => {
    apiRoutes.resourceCountIs('AWS::ApiGatewayV2::Authorizer', 1);
    apiRoutes.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Audience: [{ 'Fn::ImportValue': Match.stringLikeRegexp('UserPoolWebClient') }],
        Issuer: {
          'Fn::Join': [
            '',
            Match.arrayWith([
              Match.stringLikeRegexp('^https://cognito-idp\\.'),
              { 'Fn::ImportValue': Match.stringLikeRegexp('UserPool') },
            ]),
          ],
        },
      },
    });
    apiRoutes.resourceCountIs('AWS::ApiGatewayV2::Integration', Object.keys(routes).length);
    apiRoutes.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      IntegrationType: 'AWS_PROXY',
      PayloadFormatVersion: '2.0',
    });
  });

  it('makes an EventBridge Scheduler schedule of every line of functions/schedules.ts', () => {
    stateless.resourceCountIs('AWS::Scheduler::Schedule', schedules.length);
    for (const job of schedules) {
      stateless.hasResourceProperties('AWS::Scheduler::Schedule', {
        ScheduleExpression: job.expression,
        FlexibleTimeWindow: { Mode: 'OFF' },
        Target: Match.objectLike({ Arn: Match.anyValue(), DeadLetterConfig: Match.anyValue() }),
      });
    }
    extraStateless().hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: extraSchedule.expression,
      ScheduleExpressionTimezone: 'Etc/UTC',
    });
  });

  it('attaches every stream consumer with batch item failures, retries and an on-failure queue', () => {
    const t = extraStateless();
    const consumers = [...streamConsumers, extraConsumer];
    t.resourceCountIs('AWS::Lambda::EventSourceMapping', consumers.length);
    for (const consumer of consumers) {
      t.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
        EventSourceArn: { 'Fn::ImportValue': Match.stringLikeRegexp('StreamArn') },
        BatchSize: consumer.batchSize,
        MaximumRetryAttempts: consumer.maxRetries,
        BisectBatchOnFunctionError: true,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
      });
    }
    t.hasResourceProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true });
    t.hasResourceProperties('AWS::SQS::QueuePolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it('alarms on API 5xx and on errors of scheduled and stream functions', () => {
    stateless.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: '5xx',
      Namespace: 'AWS/ApiGateway',
    });
    const errorAlarms = Object.values(stateless.findResources('AWS::CloudWatch::Alarm')).filter(
      (alarm) => alarm.Properties.MetricName === 'Errors',
    );
    expect(errorAlarms).toHaveLength(new Set([...schedules, ...streamConsumers].map((x) => x.handler)).size);
  });
});

describe('web stack', () => {
  it('serves the API endpoint through a $default stage with JSON access logs and throttling', () => {
    web.resourceCountIs('AWS::ApiGatewayV2::Api', 1);
    web.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      AccessLogSettings: {
        DestinationArn: { 'Fn::GetAtt': [Match.anyValue(), 'Arn'] },
        Format: Match.serializedJson(
          Match.objectLike({
            requestId: '$context.requestId',
            ip: '$context.identity.sourceIp',
            routeKey: '$context.routeKey',
            status: '$context.status',
            latency: '$context.responseLatency',
          }),
        ),
      },
      DefaultRouteSettings: { ThrottlingRateLimit: Match.anyValue(), ThrottlingBurstLimit: Match.anyValue() },
    });
  });

  it('allows CORS only from the configured web origin, and needs none for its own domain', () => {
    const [api] = Object.values(web.findResources('AWS::ApiGatewayV2::Api'));
    expect(api?.Properties.CorsConfiguration).toBeUndefined();
    extraWeb().hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: Match.objectLike({ AllowOrigins: ['https://kakehashi.example.jp'] }),
    });
    expect(JSON.stringify(extraWeb().toJSON())).not.toContain('"AllowOrigins":["*"]');
  });

  it('keeps every bucket private, encrypted and TLS-only', () => {
    const buckets = Object.values(web.findResources('AWS::S3::Bucket'));
    expect(buckets.length).toBeGreaterThan(0);
    for (const bucket of buckets) {
      expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      expect(bucket.Properties.BucketEncryption).toBeDefined();
      expect(bucket.DeletionPolicy).toBe('Retain');
    }
    web.resourcePropertiesCountIs(
      'AWS::S3::BucketPolicy',
      {
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          ]),
        },
      },
      buckets.length,
    );
    web.hasResourceProperties('AWS::S3::Bucket', {
      LoggingConfiguration: { DestinationBucketName: Match.anyValue() },
    });
  });

  it('puts CloudFront in front with an origin access control, the SPA fallback and security headers', () => {
    web.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    web.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: Match.objectLike({
        OriginAccessControlOriginType: 's3',
        SigningBehavior: 'always',
      }),
    });
    web.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultRootObject: 'index.html',
        Origins: Match.arrayWith([
          Match.objectLike({
            OriginAccessControlId: { 'Fn::GetAtt': [Match.anyValue(), 'Id'] },
            S3OriginConfig: Match.anyValue(),
          }),
        ]),
        DefaultCacheBehavior: Match.objectLike({
          ViewerProtocolPolicy: 'redirect-to-https',
          ResponseHeadersPolicyId: Match.anyValue(),
          FunctionAssociations: [Match.objectLike({ EventType: 'viewer-request' })],
        }),
        CacheBehaviors: [
          Match.objectLike({
            PathPattern: '/v1/*',
            ViewerProtocolPolicy: 'https-only',
            AllowedMethods: Match.arrayWith(['PUT', 'PATCH', 'POST', 'DELETE']),
          }),
        ],
        Logging: Match.objectLike({ Bucket: Match.anyValue() }),
      }),
    });
    web.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: Match.objectLike({
        SecurityHeadersConfig: Match.objectLike({
          ContentSecurityPolicy: Match.objectLike({ ContentSecurityPolicy: Match.anyValue() }),
          StrictTransportSecurity: Match.objectLike({ AccessControlMaxAgeSec: Match.anyValue() }),
          ContentTypeOptions: Match.anyValue(),
          FrameOptions: { FrameOption: 'DENY', Override: true },
        }),
      }),
    });
    web.hasResourceProperties('AWS::CloudFront::Function', {
      FunctionCode: Match.stringLikeRegexp('/index.html'),
    });
  });

  it('uploads the web app only when a build exists', () => {
    expect(main.built.web.deploysWebApp).toBe(false);
    web.resourceCountIs('Custom::CDKBucketDeployment', 0);
    extraWeb().resourceCountIs('Custom::CDKBucketDeployment', 1);
  });
});

describe('the whole app', () => {
  it('keeps every stack well within CloudFormation’s 500 resources', () => {
    for (const t of templates) expect(Object.keys(t.toJSON().Resources ?? {}).length).toBeLessThan(450);
  });

  it('has no hard-coded physical names', () => {
    const nameProperties: Record<string, string> = {
      'AWS::DynamoDB::GlobalTable': 'TableName',
      'AWS::DynamoDB::Table': 'TableName',
      'AWS::S3::Bucket': 'BucketName',
      'AWS::Lambda::Function': 'FunctionName',
      'AWS::Cognito::UserPool': 'UserPoolName',
      'AWS::SQS::Queue': 'QueueName',
      'AWS::IAM::Role': 'RoleName',
      'AWS::Logs::LogGroup': 'LogGroupName',
      'AWS::SecretsManager::Secret': 'Name',
      'AWS::Scheduler::Schedule': 'Name',
    };
    for (const t of [...templates, ...extraTemplates()]) {
      for (const [type, property] of Object.entries(nameProperties)) {
        for (const resource of Object.values(t.findResources(type))) {
          expect(resource.Properties ?? {}, `${type}.${property}`).not.toHaveProperty(property);
        }
      }
    }
  });

  it('gives every log group a retention', () => {
    for (const t of [...templates, ...extraTemplates()]) {
      for (const group of Object.values(t.findResources('AWS::Logs::LogGroup'))) {
        expect(group.Properties.RetentionInDays).toBeGreaterThan(0);
      }
    }
    const groups = Object.keys(stateless.findResources('AWS::Logs::LogGroup'));
    for (const fn of Object.values(stateless.findResources('AWS::Lambda::Function'))) {
      expect(groups).toContain(fn.Properties.LoggingConfig.LogGroup.Ref);
    }
  });

  it('passes cdk-nag AwsSolutions: no unacknowledged error or warning', () => {
    for (const s of [main, extra]) {
      const report = validationReport(s);
      const nag = report.pluginReports.find((p) => p.pluginName === 'AwsSolutions');
      expect(nag, 'the AwsSolutions pack ran').toBeDefined();
      const open = nag?.violations.map((v) => `${v.ruleName} at ${v.violatingConstructs[0]?.constructPath}`);
      expect(open).toEqual([]);
      expect(nag?.conclusion).toBe('success');
      // Nor anything else the synthesis reports (construct annotations, CloudFormation validation).
      for (const plugin of report.pluginReports) expect(plugin.violations, plugin.pluginName).toEqual([]);
    }
  });

  it('explains every acknowledgement', () => {
    for (const s of [main, extra]) {
      let count = 0;
      for (const construct of s.built.app.node.findAll()) {
        for (const entry of construct.node.metadata) {
          if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY) continue;
          for (const [id, reason] of Object.entries(entry.data as Record<string, string>)) {
            count++;
            expect(id, construct.node.path).toMatch(/^[\w-]+::\S+$/);
            expect(
              typeof reason === 'string' && reason.trim().length,
              `${id} at ${construct.node.path}`,
            ).toBeGreaterThan(20);
          }
        }
      }
      expect(count).toBeGreaterThan(0);
      const suppressed = validationReport(s).pluginReports.flatMap((p) => p.suppressedViolations ?? []);
      for (const v of suppressed) expect(v.reason?.trim(), v.acknowledgedId).toBeTruthy();
    }
  });

  it('fails synthesis on a finding that nobody acknowledged', () => {
    const outdir = tempDir('kakehashi-cdk-out-');
    const built = buildApp({ outdir, webDist: null, routes: {}, schedules: [], streamConsumers: [] });
    new Queue(built.stateless, 'UnencryptedQueue', { encryption: QueueEncryption.UNENCRYPTED });
    expect(() => built.app.synth()).toThrow(/AwsSolutions-SQS/);
  });
});

function extraStateless(): Template {
  return template(extra, extra.built.stateless);
}
function extraWeb(): Template {
  return template(extra, extra.built.web);
}
function extraTemplates(): Template[] {
  return [template(extra, extra.built.stateful), extraWeb(), extraStateless()];
}
