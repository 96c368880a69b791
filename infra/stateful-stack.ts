import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { MathExpression } from 'aws-cdk-lib/aws-cloudwatch';
import {
  AccountRecovery,
  FeaturePlan,
  Mfa,
  UserPool,
  type UserPoolClient,
  VerificationEmailStyle,
} from 'aws-cdk-lib/aws-cognito';
import { AttributeType, Billing, StreamViewType, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Topic } from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import { tableDefinition } from '#shared/data/table.ts';
import { FIVE_MINUTES, notifyingAlarm } from './alarms.ts';
import { userPoolSettings } from './auth-settings.ts';

/**
 * What outlives every deployment: the one table, the user pool, the Stripe secret and the alarm topic (whose
 * subscriptions, made by hand, must survive a rebuilt stateless stack). All of it is retained when the stack
 * is deleted, and the table and pool are protected against deletion.
 * Nothing here has a hard-coded physical name, so a second copy of the app can live in the same account.
 */
export class StatefulStack extends Stack {
  readonly table: TableV2;
  readonly userPool: UserPool;
  readonly userPoolClient: UserPoolClient;
  /** JSON `{"secretKey": "sk_…", "webhookSigningSecret": "whsec_…"}`, set after the first deploy. */
  readonly stripeSecret: Secret;
  /** Where every alarm of the app goes, into ALARM and back to OK (docs/operations.md: subscribe to it). */
  readonly alarmTopic: Topic;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    const key = (name: string) => ({ name, type: AttributeType.STRING });
    this.table = new TableV2(this, 'Table', {
      partitionKey: key(tableDefinition.partitionKey),
      sortKey: key(tableDefinition.sortKey),
      billing: Billing.onDemand(),
      globalSecondaryIndexes: tableDefinition.globalSecondaryIndexes.map((index) => ({
        indexName: index.indexName,
        partitionKey: key(index.partitionKey),
        sortKey: key(index.sortKey),
      })),
      dynamoStream: StreamViewType[tableDefinition.stream],
      timeToLiveAttribute: tableDefinition.timeToLiveAttribute,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true, recoveryPeriodInDays: 35 },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const settings = userPoolSettings;
    this.userPool = new UserPool(this, 'UserPool', {
      signInAliases: { email: settings.signInWithEmail, username: false },
      signInCaseSensitive: false,
      selfSignUpEnabled: settings.selfSignUp,
      autoVerify: { email: true },
      keepOriginal: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      userVerification: {
        emailStyle: VerificationEmailStyle.CODE,
        emailSubject: '架け橋 Kakehashi: 確認コード / verification code',
        emailBody: '確認コード / Your verification code: {####}',
      },
      passwordPolicy: {
        minLength: settings.passwordPolicy.minLength,
        requireLowercase: settings.passwordPolicy.requireLowercase,
        requireDigits: settings.passwordPolicy.requireDigits,
        requireUppercase: settings.passwordPolicy.requireUppercase,
        requireSymbols: settings.passwordPolicy.requireSymbols,
        tempPasswordValidity: Duration.days(7),
      },
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      featurePlan: FeaturePlan.ESSENTIALS,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.userPoolClient = this.userPool.addClient('WebClient', {
      generateSecret: false,
      authFlows: {
        userPassword: settings.authFlows.userPassword,
        userSrp: settings.authFlows.userSrp,
      },
      disableOAuth: true,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.hours(settings.idTokenHours),
      accessTokenValidity: Duration.hours(settings.idTokenHours),
      refreshTokenValidity: Duration.days(settings.refreshTokenDays),
    });

    this.stripeSecret = new Secret(this, 'StripeSecret', {
      description:
        'Stripe keys for Kakehashi as JSON {"secretKey": "sk_...", "webhookSigningSecret": "whsec_..."}. ' +
        'Set with aws secretsmanager put-secret-value (see docs/architecture.md).',
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // --- The alarm topic -------------------------------------------------------------------------------
    // Encrypted with a key of its own: CloudWatch alarms can only publish to a topic whose key lets them
    // (the AWS-managed aws/sns key cannot be given to CloudWatch).
    const alarmKey = new Key(this, 'AlarmTopicKey', {
      description: 'Kakehashi: encrypts the alarm topic',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    alarmKey.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': this.account } },
      }),
    );
    this.alarmTopic = new Topic(this, 'AlarmTopic', {
      displayName: 'Kakehashi alarms',
      masterKey: alarmKey,
      enforceSSL: true,
    });
    this.alarmTopic.applyRemovalPolicy(RemovalPolicy.RETAIN);
    this.alarmTopic.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [this.alarmTopic.topicArn],
        conditions: {
          ArnLike: {
            'aws:SourceArn': `arn:${this.partition}:cloudwatch:${this.region}:${this.account}:alarm:*`,
          },
          StringEquals: { 'aws:SourceAccount': this.account },
        },
      }),
    );

    // On-demand tables throttle too (a hot partition, a sudden jump past twice the previous peak); the
    // table's own throttle events and those of its indexes, which hold back the table's writes.
    const throttleMetrics = Object.fromEntries(
      [undefined, ...tableDefinition.globalSecondaryIndexes.map((i) => i.indexName)].flatMap((index, n) =>
        ['ReadThrottleEvents', 'WriteThrottleEvents'].map((name, k) => [
          `m${n}${k}`,
          this.table.metric(name, {
            statistic: 'Sum',
            period: FIVE_MINUTES,
            dimensionsMap: {
              TableName: this.table.tableName,
              ...(index ? { GlobalSecondaryIndexName: index } : {}),
            },
          }),
        ]),
      ),
    );
    notifyingAlarm(this, 'TableThrottleAlarm', this.alarmTopic, {
      alarmDescription:
        'DynamoDB throttled requests on the table or its indexes (docs/operations.md#dynamodb-throttled-requests).',
      metric: new MathExpression({
        expression: `SUM([${Object.keys(throttleMetrics).join(', ')}])`,
        usingMetrics: throttleMetrics,
        label: 'Throttled reads and writes',
        period: FIVE_MINUTES,
      }),
      threshold: 1,
      evaluationPeriods: 1,
    });

    new CfnOutput(this, 'TableName', { value: this.table.tableName });
    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.userPoolClient.userPoolClientId });
    new CfnOutput(this, 'StripeSecretArn', {
      value: this.stripeSecret.secretArn,
      description:
        'aws secretsmanager put-secret-value --secret-id <this> --secret-string file://stripe.json',
    });
    new CfnOutput(this, 'AlarmTopicArn', {
      value: this.alarmTopic.topicArn,
      description:
        'aws sns subscribe --topic-arn <this> --protocol email --notification-endpoint you@example.jp',
    });

    Validations.of(this.userPool).acknowledge(
      {
        id: 'AwsSolutions::AwsSolutions-COG1',
        reason:
          'The password policy is the product-wide one in infra/auth-settings.ts (also used by the local ' +
          'cloud): at least 8 characters with lower case and digits. Following NIST SP 800-63B, length ' +
          'matters more than forced upper-case letters and symbols, which push users to predictable patterns.',
      },
      {
        id: 'AwsSolutions::AwsSolutions-COG2',
        reason:
          'MFA is optional (TOTP) rather than required: professionals and firms sign up themselves and ' +
          'required MFA at sign-up loses most of them; staff and operators can turn TOTP on.',
      },
      {
        id: 'AwsSolutions::AwsSolutions-COG8',
        reason:
          'Essentials feature plan: the Plus plan (threat protection) is billed per monthly active user ' +
          'with no free tier, out of proportion for a marketplace of this size. Revisit with docs/scale.md.',
      },
    );
    Validations.of(this.stripeSecret).acknowledge({
      id: 'AwsSolutions::AwsSolutions-SMG4',
      reason:
        'Stripe API keys and webhook signing secrets are issued and rolled in the Stripe dashboard; there ' +
        'is no API a Secrets Manager rotation function could call. Rolled keys are stored with ' +
        'put-secret-value.',
    });
  }
}
