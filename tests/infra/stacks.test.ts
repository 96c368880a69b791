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
import { throttleTier } from '#infra/api-throttling.ts';
import { buildApp, CONTEXT_DEFAULTS, type KakehashiApp } from '#infra/app.ts';
import { EDGE_REGION } from '#infra/edge-stack.ts';
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
let edge: Template;
let stateful: Template;
let web: Template;
let stateless: Template;
/** The stateless stack's nested stack of API routes, integrations, the authorizer and the stage. */
let apiRoutes: Template;
/** The stateless stack's nested stacks of functions, one per context. */
let functionStacks: Template[];
/** Every template of the app, nested ones included. */
let templates: Template[];

type Resource = { Type: string; Properties: Record<string, any>; [attribute: string]: any };
type Found = { template: Template; id: string; resource: Resource };
/** Every resource of a type in the given templates, with the template it is in (logical ids repeat across them). */
const resourcesIn = (ts: Template[], type: string): Found[] =>
  ts.flatMap((template) =>
    Object.entries(template.findResources(type)).map(([id, resource]) => ({
      template,
      id,
      resource: resource as Resource,
    })),
  );
/** The functions (and everything else) of the stateless stack live in its nested stacks. */
const statelessTemplates = () => [stateless, apiRoutes, ...functionStacks];
const functionsOf = (s: Synth) =>
  [...s.built.stateless.functionStacks.values()].map((nested) => nestedTemplate(s, nested));
const refTo = (value: unknown): string | undefined => (value as { Ref?: string } | undefined)?.Ref;
/** The alarm topic, as a template sees it: its own resource in the stateful stack, an import elsewhere. */
const isAlarmTopic = (value: unknown, template: Template) =>
  template === stateful
    ? Object.keys(stateful.findResources('AWS::SNS::Topic')).includes(refTo(value) ?? '')
    : /^KakehashiStateful:.*AlarmTopic/.test(String((value as Record<string, unknown>)['Fn::ImportValue']));

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
  edge = template(main, main.built.edge);
  stateful = template(main, main.built.stateful);
  web = template(main, main.built.web);
  stateless = template(main, main.built.stateless);
  apiRoutes = nestedTemplate(main, main.built.stateless.api);
  functionStacks = functionsOf(main);
  templates = [edge, stateful, web, ...statelessTemplates()];

  const webDist = tempDir('kakehashi-web-dist-');
  writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>Kakehashi</title>');
  extra = synth({
    webDist,
    // As on the command line (-c name=value: strings): a hotfix deployment after new Stripe keys.
    context: {
      'aws:cdk:bundling-stacks': [],
      webOrigin: 'https://kakehashi.example.jp',
      deployment: 'all-at-once',
      deployIgnoringAlarms: 'true',
      stripeSecretRevision: '202612030900',
    },
    streamConsumers: [...streamConsumers, extraConsumer],
    schedules: [...schedules, extraSchedule],
  });
  // Bundling ~80 functions with esbuild on a busy 2-core machine can take longer than the project's hook timeout.
}, 600_000);

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

  it('retains everything that keeps data or subscriptions, behind termination protection', () => {
    expect(main.built.stateful.terminationProtection).toBe(true);
    const kept = [
      'AWS::DynamoDB::GlobalTable',
      'AWS::Cognito::UserPool',
      'AWS::SecretsManager::Secret',
      'AWS::SNS::Topic',
      'AWS::KMS::Key',
    ];
    for (const type of kept) {
      const found = resourcesIn([stateful], type);
      expect(found, type).toHaveLength(1);
      for (const { resource } of found) {
        expect(resource.DeletionPolicy, type).toBe('Retain');
        expect(resource.UpdateReplacePolicy, type).toBe('Retain');
      }
    }
  });

  it('sends alarms to an encrypted, TLS-only SNS topic that CloudWatch may publish to', () => {
    const [key] = resourcesIn([stateful], 'AWS::KMS::Key');
    expect(key?.resource.Properties.EnableKeyRotation).toBe(true);
    expect(JSON.stringify(key?.resource.Properties.KeyPolicy)).toContain('cloudwatch.amazonaws.com');
    stateful.hasResourceProperties('AWS::SNS::Topic', {
      KmsMasterKeyId: { 'Fn::GetAtt': [key?.id, 'Arn'] },
    });
    stateful.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          Match.objectLike({
            Effect: 'Allow',
            Action: 'sns:Publish',
            Principal: { Service: 'cloudwatch.amazonaws.com' },
          }),
        ]),
      },
    });
  });

  it('alarms on throttled requests of the table and of each of its indexes', () => {
    const [alarm] = resourcesIn([stateful], 'AWS::CloudWatch::Alarm').filter(({ resource }) =>
      JSON.stringify(resource.Properties.Metrics ?? []).includes('ThrottleEvents'),
    );
    expect(alarm, 'the table throttle alarm').toBeDefined();
    const metrics = (alarm?.resource.Properties.Metrics ?? []) as {
      Expression?: string;
      MetricStat?: { Metric: { MetricName: string; Namespace: string; Dimensions: { Name: string }[] } };
    }[];
    const stats = metrics.flatMap((m) => (m.MetricStat ? [m.MetricStat.Metric] : []));
    expect(new Set(stats.map((m) => m.MetricName))).toEqual(
      new Set(['ReadThrottleEvents', 'WriteThrottleEvents']),
    );
    expect(stats.every((m) => m.Namespace === 'AWS/DynamoDB')).toBe(true);
    expect(stats.filter((m) => m.Dimensions.some((d) => d.Name === 'GlobalSecondaryIndexName'))).toHaveLength(
      2 * tableDefinition.globalSecondaryIndexes.length,
    );
    expect(metrics.find((m) => m.Expression)?.Expression).toMatch(/^SUM\(\[/);
  });
});

describe('edge stack', () => {
  it('is in us-east-1, where CloudFront web ACLs must be', () => {
    expect(main.built.edge.region).toBe(EDGE_REGION);
    expect(EDGE_REGION).toBe('us-east-1');
  });

  it('has a CLOUDFRONT web ACL with AWS’s common rule set and a rate-based rule per client IP', () => {
    edge.resourceCountIs('AWS::WAFv2::WebACL', 1);
    edge.hasResourceProperties('AWS::WAFv2::WebACL', {
      Scope: 'CLOUDFRONT',
      DefaultAction: { Allow: {} },
      VisibilityConfig: Match.objectLike({ CloudWatchMetricsEnabled: true }),
      // In order of priority: the rate limit first, then the managed rules.
      Rules: Match.arrayWith([
        Match.objectLike({
          Action: { Block: {} },
          Statement: {
            RateBasedStatement: Match.objectLike({
              AggregateKeyType: 'IP',
              Limit: CONTEXT_DEFAULTS.wafApiRequestsPerIp,
              ScopeDownStatement: Match.objectLike({
                ByteMatchStatement: Match.objectLike({
                  SearchString: '/v1/',
                  PositionalConstraint: 'STARTS_WITH',
                }),
              }),
            }),
          },
        }),
        Match.objectLike({
          OverrideAction: { None: {} },
          Statement: {
            ManagedRuleGroupStatement: Match.objectLike({
              VendorName: 'AWS',
              Name: 'AWSManagedRulesCommonRuleSet',
            }),
          },
        }),
      ]),
    });
  });

  it('is associated with the distribution, read across regions with Fn::GetStackOutput', () => {
    const [acl] = Object.keys(edge.findResources('AWS::WAFv2::WebACL'));
    const outputs = edge.toJSON().Outputs as Record<string, { Value: unknown }>;
    const published = Object.entries(outputs).filter(
      ([, o]) => JSON.stringify(o.Value) === JSON.stringify({ 'Fn::GetAtt': [acl, 'Arn'] }),
    );
    expect(published.length).toBeGreaterThan(0);
    web.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        WebACLId: {
          'Fn::GetStackOutput': {
            StackName: main.built.edge.stackName,
            Region: EDGE_REGION,
            OutputName: Match.anyValue(),
          },
        },
      }),
    });
    const [distribution] = resourcesIn([web], 'AWS::CloudFront::Distribution');
    const outputName =
      distribution?.resource.Properties.DistributionConfig.WebACLId['Fn::GetStackOutput'].OutputName;
    expect(published.map(([name]) => name)).toContain(outputName);
    // The web stack is deployed after the edge stack.
    expect(main.built.web.dependencies).toContain(main.built.edge);
  });
});

describe('stateless stack', () => {
  const handlers = new Set([
    ...Object.values(routes).map((r) => r.handler),
    ...schedules.map((s) => s.handler),
    ...streamConsumers.map((c) => c.handler),
  ]);
  const functions = () => resourcesIn(functionStacks, 'AWS::Lambda::Function');
  const policies = () => resourcesIn(functionStacks, 'AWS::IAM::Policy');

  it('makes one Node 24 arm64 function per handler file, traced, with its own log group', () => {
    expect(functions()).toHaveLength(handlers.size);
    for (const { resource: fn } of functions()) {
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

  it('puts the functions in one nested stack per context, beside the API routes', () => {
    const contexts = new Set([...handlers].map((h) => h.split('/')[0]));
    expect([...main.built.stateless.functionStacks.keys()].sort()).toEqual([...contexts].sort());
    for (const [context, nested] of main.built.stateless.functionStacks) {
      const inIt = Object.values(nestedTemplate(main, nested).findResources('AWS::Lambda::Function')).map(
        (fn) => String(fn.Properties.Description),
      );
      for (const description of inIt)
        expect(description).toMatch(/^(?:[A-Z]+ \/v1\/|Scheduled |Stream consumer )/);
      const expected = [...handlers].filter((h) => h.split('/')[0] === context);
      expect(inIt, context).toHaveLength(expected.length);
    }
    stateless.resourceCountIs('AWS::Lambda::Function', 0);
    stateless.resourceCountIs('AWS::CloudFormation::Stack', main.built.stateless.functionStacks.size + 1);
  });

  it('gives every function the environment shared/config.ts reads, and metrics in namespace Kakehashi', () => {
    for (const { resource: fn } of functions()) {
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
      expect(variables.POWERTOOLS_METRICS_NAMESPACE).toBe('Kakehashi');
      expect(variables.POWERTOOLS_METRICS_DISABLED).toBe('false');
    }
  });

  it('bundles each handler as minified ESM with source maps and a require shim', () => {
    const fn = functions()[0]?.resource;
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
    const statements = policies().flatMap(({ resource }) => resource.Properties.PolicyDocument.Statement);
    expect(statements).toContainEqual(
      expect.objectContaining({
        Action: expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem']),
        Resource: expect.arrayContaining([
          {
            'Fn::Join': [
              '',
              [expect.anything(), `/index/${tableDefinition.globalSecondaryIndexes[0]?.indexName}`],
            ],
          },
        ]),
      }),
    );
    expect(statements).toContainEqual(
      expect.objectContaining({
        Action: 'ses:SendEmail',
        Condition: { StringEquals: { 'ses:FromAddress': expect.stringMatching(/@/) } },
      }),
    );
    for (const { resource } of policies()) expect(JSON.stringify(resource)).not.toContain('dynamodb:*');
    // No Scan, except for the one job whose line says it must see everything (the relationship population's rebuild).
    const scanning = policies().filter(({ resource }) => JSON.stringify(resource).includes('dynamodb:Scan'));
    expect(scanning).toHaveLength(1);
    expect(JSON.stringify(scanning[0]?.resource.Properties.Roles)).toMatch(/RebuildMetrics/i);
  });

  /** The function of a line, and every statement of the policies attached to its role. */
  function grantsOf(key: string) {
    const route = routes[key];
    const found = functions().find(({ resource }) =>
      String(resource.Properties.Description).startsWith(`${key}:`),
    );
    expect(found, key).toBeDefined();
    const { template: t, id: fnId, resource: fn } = found as Found;
    const roleId = fn.Properties.Role['Fn::GetAtt'][0];
    const statements = Object.values(t.findResources('AWS::IAM::Policy'))
      .filter((p) => JSON.stringify(p.Properties.Roles).includes(roleId))
      .flatMap((p) => p.Properties.PolicyDocument.Statement as { Action: string | string[] }[]);
    const actions = statements.flatMap((st) => (Array.isArray(st.Action) ? st.Action : [st.Action]));
    return { route, fnId, actions, env: fn.Properties.Environment.Variables as object };
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

  it('points every API integration and its invoke permission at a function’s live alias', () => {
    // From the routes' nested stack, the alias of a sibling nested stack is a parameter named after it.
    const parameters = Object.keys(apiRoutes.toJSON().Parameters ?? {});
    const aliasParameter = (value: unknown) => {
      const name = refTo(value) ?? '';
      return parameters.includes(name) && /Aliaslive/.test(name);
    };
    const integrations = resourcesIn([apiRoutes], 'AWS::ApiGatewayV2::Integration');
    for (const { id, resource } of integrations)
      expect(aliasParameter(resource.Properties.IntegrationUri), id).toBe(true);
    const permissions = resourcesIn([apiRoutes], 'AWS::Lambda::Permission');
    expect(permissions).toHaveLength(Object.keys(routes).length);
    for (const { id, resource } of permissions)
      expect(aliasParameter(resource.Properties.FunctionName), id).toBe(true);
  });

  it('gives every function a live alias on its current version, deployed gradually by CodeDeploy and rolled back on alarms', () => {
    for (const { template: t, id: fnId, resource: fn } of functions()) {
      const handler = String(fn.Properties.Description);
      const aliases = Object.entries(t.findResources('AWS::Lambda::Alias')).filter(
        ([, a]) => refTo(a.Properties.FunctionName) === fnId,
      );
      expect(aliases, `${fnId} has one alias`).toHaveLength(1);
      const [aliasId, alias] = aliases[0] as [string, Resource];
      expect(alias.Properties.Name).toBe('live');
      const versionId = alias.Properties.FunctionVersion['Fn::GetAtt'][0];
      expect(t.toJSON().Resources[versionId]).toMatchObject({
        Type: 'AWS::Lambda::Version',
        Properties: { FunctionName: { Ref: fnId } },
      });
      // The alias moves only through CodeDeploy: an update of it is a deployment of its group.
      const update = alias.UpdatePolicy?.CodeDeployLambdaAliasUpdate;
      expect(update, aliasId).toMatchObject({
        ApplicationName: { Ref: expect.any(String) },
        DeploymentGroupName: { Ref: expect.any(String) },
      });
      const group = t.toJSON().Resources[update.DeploymentGroupName.Ref] as Resource;
      expect(group.Type).toBe('AWS::CodeDeploy::DeploymentGroup');
      expect(group.Properties).toMatchObject({
        DeploymentConfigName: 'CodeDeployDefault.LambdaCanary10Percent5Minutes',
        DeploymentStyle: { DeploymentType: 'BLUE_GREEN', DeploymentOption: 'WITH_TRAFFIC_CONTROL' },
        AlarmConfiguration: { Enabled: true },
        AutoRollbackConfiguration: {
          Enabled: true,
          Events: expect.arrayContaining(['DEPLOYMENT_FAILURE', 'DEPLOYMENT_STOP_ON_ALARM']),
        },
      });
      const rollbackAlarms = (group.Properties.AlarmConfiguration.Alarms as { Name: unknown }[]).map((a) =>
        refTo(a.Name),
      );
      // The function's own Errors alarm…
      const errorsAlarm = Object.entries(t.findResources('AWS::CloudWatch::Alarm')).find(
        ([, a]) =>
          a.Properties.MetricName === 'Errors' && refTo(a.Properties.Dimensions?.[0]?.Value) === fnId,
      )?.[0];
      expect(rollbackAlarms, `${fnId} rolls back on its errors`).toContain(errorsAlarm);
      // …and, for an API function, the API's 5xx rate and p99 latency (parameters from the parent stack).
      const isApi = Object.keys(routes).some((key) => handler.startsWith(`${key}:`));
      const fromParent = rollbackAlarms.filter((name) => /Api5xxAlarm|ApiLatencyP99Alarm/.test(name ?? ''));
      expect(fromParent, `${fnId} rolls back on the API's alarms`).toHaveLength(isApi ? 2 : 0);
    }
    for (const t of functionStacks) {
      t.resourceCountIs('AWS::CodeDeploy::Application', 1);
      t.hasResourceProperties('AWS::CodeDeploy::Application', { ComputePlatform: 'Lambda' });
      // One CodeDeploy role a context stack, not one a function.
      const roles = Object.values(t.findResources('AWS::IAM::Role')).filter((r) =>
        JSON.stringify(r.Properties.AssumeRolePolicyDocument).includes('codedeploy.amazonaws.com'),
      );
      expect(roles).toHaveLength(1);
    }
  });

  it('deploys all at once and past alarms only when told to, and replaces the Stripe functions after new keys', () => {
    const groups = resourcesIn(functionsOf(extra), 'AWS::CodeDeploy::DeploymentGroup');
    expect(groups.length).toBeGreaterThan(0);
    for (const { resource } of groups) {
      expect(resource.Properties.DeploymentConfigName).toBe('CodeDeployDefault.LambdaAllAtOnce');
      expect(resource.Properties.AlarmConfiguration.Enabled).toBe(false);
      expect(resource.Properties.AutoRollbackConfiguration.Events).not.toContain('DEPLOYMENT_STOP_ON_ALARM');
    }
    for (const { resource } of resourcesIn(functionsOf(extra), 'AWS::Lambda::Function')) {
      const variables = resource.Properties.Environment.Variables as Record<string, unknown>;
      expect(variables.STRIPE_SECRET_REVISION).toBe(
        'STRIPE_SECRET_ARN' in variables ? '202612030900' : undefined,
      );
    }
    for (const { resource } of functions())
      expect(resource.Properties.Environment.Variables).not.toHaveProperty('STRIPE_SECRET_REVISION');
  });

  it('makes an EventBridge Scheduler schedule of every line of functions/schedules.ts, invoking the live alias', () => {
    const found = resourcesIn(statelessTemplates(), 'AWS::Scheduler::Schedule');
    expect(found).toHaveLength(schedules.length);
    for (const job of schedules) {
      const match = found.find(({ resource }) => resource.Properties.ScheduleExpression === job.expression);
      expect(match, job.name).toBeDefined();
      const { template: t, resource } = match as Found;
      expect(resource.Properties).toMatchObject({
        FlexibleTimeWindow: { Mode: 'OFF' },
        Target: { Arn: { Ref: expect.any(String) }, DeadLetterConfig: expect.anything() },
      });
      expect(t.toJSON().Resources[resource.Properties.Target.Arn.Ref].Type).toBe('AWS::Lambda::Alias');
      // Failed runs go to the JobFailures queue from the alias's own async invoke configuration.
      t.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
        MaximumRetryAttempts: 2,
        DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
      });
    }
    const cron = resourcesIn([stateless, ...functionsOf(extra)], 'AWS::Scheduler::Schedule').find(
      ({ resource }) => resource.Properties.ScheduleExpression === extraSchedule.expression,
    );
    expect(cron?.resource.Properties.ScheduleExpressionTimezone).toBe('Etc/UTC');
  });

  it('counts the log line each job alarms on with a metric filter on its own log group, and alarms on it', () => {
    const watched = schedules.filter((job) => job.alarmOnLog);
    expect(watched.map((job) => job.name).sort()).toEqual(['rebuild-metrics', 'retry-mail']);
    const filters = resourcesIn(statelessTemplates(), 'AWS::Logs::MetricFilter');
    for (const job of watched) {
      const { message, metricName, description } = job.alarmOnLog as NonNullable<typeof job.alarmOnLog>;
      const match = filters.find(
        ({ resource }) => resource.Properties.FilterPattern === `{ $.message = "${message}" }`,
      );
      expect(match, job.name).toBeDefined();
      const { template: t, resource } = match as Found;
      expect(resource.Properties.MetricTransformations).toEqual([
        { MetricNamespace: 'Kakehashi', MetricName: metricName, MetricValue: '1' },
      ]);
      // The log group is the job's function's own.
      const group = t.toJSON().Resources[resource.Properties.LogGroupName.Ref];
      expect(group.Type).toBe('AWS::Logs::LogGroup');
      const fn = Object.values(t.findResources('AWS::Lambda::Function')).find(
        (f) => f.Properties.LoggingConfig?.LogGroup?.Ref === resource.Properties.LogGroupName.Ref,
      );
      expect(fn?.Properties.Description).toContain(job.name);
      t.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'Kakehashi',
        MetricName: metricName,
        AlarmDescription: description,
        Threshold: 1,
        AlarmActions: [Match.anyValue()],
      });
    }
  });

  it('attaches every stream consumer’s live alias with batch item failures, retries and an on-failure queue', () => {
    const ts = functionsOf(extra);
    const consumers = [...streamConsumers, extraConsumer];
    const mappings = resourcesIn(ts, 'AWS::Lambda::EventSourceMapping');
    expect(mappings).toHaveLength(consumers.length);
    for (const consumer of consumers) {
      expect(
        mappings.some(
          ({ resource }) =>
            Match.objectLike({
              EventSourceArn: { 'Fn::ImportValue': Match.stringLikeRegexp('StreamArn') },
              BatchSize: consumer.batchSize,
              MaximumRetryAttempts: consumer.maxRetries,
              BisectBatchOnFunctionError: true,
              FunctionResponseTypes: ['ReportBatchItemFailures'],
              DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
            }).test(resource.Properties).isSuccess,
        ),
        consumer.name,
      ).toBe(true);
    }
    for (const { resource } of mappings)
      expect(JSON.stringify(resource.Properties.FunctionName)).toContain(':live');
    const queues = resourcesIn([extraStateless(), ...ts], 'AWS::SQS::Queue');
    expect(queues.length).toBeGreaterThanOrEqual(consumers.length + 1);
    for (const { resource } of queues) expect(resource.Properties.SqsManagedSseEnabled).toBe(true);
    const queuePolicies = resourcesIn([extraStateless(), ...ts], 'AWS::SQS::QueuePolicy');
    expect(queuePolicies).toHaveLength(queues.length);
    for (const { resource } of queuePolicies)
      expect(resource.Properties.PolicyDocument.Statement).toContainEqual(
        expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
      );
  });
});

describe('alarms', () => {
  const alarms = () => resourcesIn(templates, 'AWS::CloudWatch::Alarm');

  it('tells the alarm topic of every alarm, into ALARM and back to OK', () => {
    expect(alarms().length).toBeGreaterThan(2 * functionStacks.length);
    for (const { template: t, id, resource } of alarms()) {
      const { AlarmActions: onAlarm, OKActions: onOk } = resource.Properties;
      expect(onAlarm, id).toHaveLength(1);
      expect(onOk, id).toHaveLength(1);
      expect(isAlarmTopic(onAlarm[0], t), `${id} alarms the topic`).toBe(true);
      expect(isAlarmTopic(onOk[0], t), `${id} tells the topic it is OK`).toBe(true);
      expect(String(resource.Properties.AlarmDescription), id).toContain('docs/operations.md#');
    }
  });

  it('has an Errors and a Throttles alarm for every function, API functions included', () => {
    for (const { template: t, id: fnId } of resourcesIn(functionStacks, 'AWS::Lambda::Function')) {
      for (const metric of ['Errors', 'Throttles']) {
        const mine = Object.values(t.findResources('AWS::CloudWatch::Alarm')).filter(
          (a) =>
            a.Properties.MetricName === metric &&
            a.Properties.Namespace === 'AWS/Lambda' &&
            refTo(a.Properties.Dimensions?.[0]?.Value) === fnId,
        );
        expect(mine, `${metric} alarm of ${fnId}`).toHaveLength(1);
        expect(mine[0]?.Properties).toMatchObject({
          Statistic: 'Sum',
          Threshold: 1,
          Period: 60,
          EvaluationPeriods: 5,
        });
      }
    }
  });

  it('alarms on the API’s 5xx rate and its p99 latency', () => {
    const api = resourcesIn([stateless], 'AWS::CloudWatch::Alarm');
    const rate = api.find(({ resource }) =>
      JSON.stringify(resource.Properties.Metrics ?? []).includes('"5xx"'),
    );
    const metrics = rate?.resource.Properties.Metrics as {
      Expression?: string;
      MetricStat?: { Metric: object };
    }[];
    expect(metrics.find((m) => m.Expression)?.Expression).toMatch(/errors \/ requests/);
    expect(metrics.map((m) => m.MetricStat?.Metric)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ MetricName: '5xx', Namespace: 'AWS/ApiGateway' }),
        expect.objectContaining({ MetricName: 'Count', Namespace: 'AWS/ApiGateway' }),
      ]),
    );
    stateless.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'Latency',
      Namespace: 'AWS/ApiGateway',
      ExtendedStatistic: 'p99',
      Threshold: Match.anyValue(),
    });
  });

  it('alarms on each stream consumer’s iterator age and on every failure queue’s depth', () => {
    const ts = [extraStateless(), ...functionsOf(extra)];
    const iteratorAge = resourcesIn(ts, 'AWS::CloudWatch::Alarm').filter(
      ({ resource }) => resource.Properties.MetricName === 'IteratorAge',
    );
    expect(iteratorAge).toHaveLength(streamConsumers.length + 1);
    for (const { template: t, resource } of iteratorAge) {
      expect(resource.Properties.Statistic).toBe('Maximum');
      const fnId = refTo(resource.Properties.Dimensions[0].Value) as string;
      expect(t.toJSON().Resources[fnId].Type).toBe('AWS::Lambda::Function');
      // …of a function that a stream mapping invokes.
      const mapped = Object.values(t.findResources('AWS::Lambda::EventSourceMapping')).some((m) =>
        JSON.stringify(m.Properties.FunctionName).includes(fnId.replace(/[0-9A-F]{8}$/, '')),
      );
      expect(mapped, fnId).toBe(true);
    }
    for (const { template: t, id } of resourcesIn(ts, 'AWS::SQS::Queue')) {
      t.hasResourceProperties('AWS::CloudWatch::Alarm', {
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Namespace: 'AWS/SQS',
        Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [id, 'QueueName'] } }],
        Threshold: 1,
      });
    }
  });
});

describe('API stage', () => {
  const stage = () => {
    const found = resourcesIn([apiRoutes], 'AWS::ApiGatewayV2::Stage');
    expect(found).toHaveLength(1);
    return found[0] as Found;
  };

  it('serves the API through a $default stage with JSON access logs and default throttling', () => {
    apiRoutes.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      AccessLogSettings: {
        DestinationArn: { 'Fn::ImportValue': Match.stringLikeRegexp('ApiAccessLogs') },
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
      DefaultRouteSettings: {
        ThrottlingRateLimit: CONTEXT_DEFAULTS.apiRateLimit,
        ThrottlingBurstLimit: CONTEXT_DEFAULTS.apiBurstLimit,
      },
    });
  });

  it('throttles writes harder than reads, and sign-up, applications and webhooks hardest, from the route lines', () => {
    const settings = stage().resource.Properties.RouteSettings as Record<
      string,
      { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }
    >;
    const limits = {
      default: { rate: CONTEXT_DEFAULTS.apiRateLimit, burst: CONTEXT_DEFAULTS.apiBurstLimit },
      write: { rate: CONTEXT_DEFAULTS.apiWriteRateLimit, burst: CONTEXT_DEFAULTS.apiWriteBurstLimit },
      sensitive: {
        rate: CONTEXT_DEFAULTS.apiSensitiveRateLimit,
        burst: CONTEXT_DEFAULTS.apiSensitiveBurstLimit,
      },
    };
    expect(limits.write.rate).toBeLessThan(limits.default.rate);
    expect(limits.sensitive.rate).toBeLessThan(limits.write.rate);
    for (const [key, route] of Object.entries(routes)) {
      const tier = throttleTier(route);
      const { method } = splitRouteKey(key);
      if (method !== 'GET') expect(tier, key).not.toBe('default');
      if (tier === 'default') {
        expect(settings[key], key).toBeUndefined();
        continue;
      }
      expect(settings[key], key).toEqual({
        ThrottlingRateLimit: limits[tier].rate,
        ThrottlingBurstLimit: limits[tier].burst,
      });
    }
    for (const key of ['PUT /v1/me', 'POST /v1/projects/{id}/applications', 'POST /v1/webhooks/stripe'])
      expect(throttleTier(routes[key] as NonNullable<(typeof routes)[string]>), key).toBe('sensitive');
    expect(throttleTier(routes['POST /v1/projects'] as NonNullable<(typeof routes)[string]>)).toBe('write');
    // Every key it names is a route (API Gateway refuses settings for a route it does not have)…
    expect(Object.keys(settings).every((key) => key in routes)).toBe(true);
  });

  it('is created after every route, since its settings name them', () => {
    const routeIds = Object.keys(apiRoutes.findResources('AWS::ApiGatewayV2::Route'));
    expect(stage().resource.DependsOn).toEqual(expect.arrayContaining(routeIds));
  });
});

describe('web stack', () => {
  it('has the API endpoint and its retained access logs; the stage is attached with the routes', () => {
    web.resourceCountIs('AWS::ApiGatewayV2::Api', 1);
    web.resourceCountIs('AWS::ApiGatewayV2::Stage', 0);
    web.hasResource('AWS::Logs::LogGroup', { DeletionPolicy: 'Retain' });
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
  it('keeps every stack, nested ones included, well within CloudFormation’s 500 resources', () => {
    const stacks = [
      main.built.edge,
      main.built.stateful,
      main.built.web,
      main.built.stateless,
      main.built.stateless.api,
      ...main.built.stateless.functionStacks.values(),
    ];
    expect(templates).toHaveLength(stacks.length);
    for (const [n, t] of templates.entries()) {
      const count = Object.keys(t.toJSON().Resources ?? {}).length;
      expect(count, stacks[n]?.node.path).toBeLessThan(450);
      // …and within CloudFormation's 200 parameters and outputs (nested stacks pass references through them).
      expect(Object.keys(t.toJSON().Parameters ?? {}).length, stacks[n]?.node.path).toBeLessThan(180);
      expect(Object.keys(t.toJSON().Outputs ?? {}).length, stacks[n]?.node.path).toBeLessThan(180);
    }
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
      'AWS::SNS::Topic': 'TopicName',
      'AWS::CloudWatch::Alarm': 'AlarmName',
      'AWS::CodeDeploy::Application': 'ApplicationName',
      'AWS::CodeDeploy::DeploymentGroup': 'DeploymentGroupName',
      'AWS::WAFv2::WebACL': 'Name',
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
    for (const { template: t, resource: fn } of resourcesIn(functionStacks, 'AWS::Lambda::Function')) {
      expect(Object.keys(t.findResources('AWS::Logs::LogGroup'))).toContain(
        fn.Properties.LoggingConfig.LogGroup.Ref,
      );
    }
  });

  it('passes cdk-nag AwsSolutions and Serverless: no unacknowledged error or warning', () => {
    for (const s of [main, extra]) {
      const report = validationReport(s);
      for (const pack of ['AwsSolutions', 'Serverless']) {
        const nag = report.pluginReports.find((p) => p.pluginName === pack);
        expect(nag, `the ${pack} pack ran`).toBeDefined();
        const open = nag?.violations.map(
          (v) => `${v.ruleName} at ${v.violatingConstructs[0]?.constructPath}`,
        );
        expect(open, pack).toEqual([]);
        expect(nag?.conclusion, pack).toBe('success');
      }
      // Nor anything else the synthesis reports (construct annotations, CloudFormation validation).
      for (const plugin of report.pluginReports) expect(plugin.violations, plugin.pluginName).toEqual([]);
      // The Serverless pack's findings were looked at one by one, not switched off.
      const serverless = report.pluginReports.find((p) => p.pluginName === 'Serverless');
      expect(serverless?.suppressedViolations?.map((v) => v.ruleName)).toEqual(
        expect.arrayContaining(['Serverless-LambdaDLQ', 'Serverless-SQSRedrivePolicy']),
      );
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
    let failure = '';
    try {
      built.app.synth();
    } catch (error) {
      failure = String(error);
    }
    expect(failure).toMatch(/AwsSolutions-SQS/);
    // A queue without a redrive policy that is not a dead-letter queue: the Serverless pack refuses it too.
    const report = JSON.parse(readFileSync(join(outdir, 'validation-report.json'), 'utf8')) as Report;
    const serverless = report.pluginReports.find((p) => p.pluginName === 'Serverless');
    expect(serverless?.violations.map((v) => v.ruleName)).toContain('Serverless-SQSRedrivePolicy');
  });
});

function extraStateless(): Template {
  return template(extra, extra.built.stateless);
}
function extraWeb(): Template {
  return template(extra, extra.built.web);
}
function extraTemplates(): Template[] {
  return [
    template(extra, extra.built.edge),
    template(extra, extra.built.stateful),
    extraWeb(),
    extraStateless(),
    nestedTemplate(extra, extra.built.stateless.api),
    ...functionsOf(extra),
  ];
}
