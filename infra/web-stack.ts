import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  CfnOutput,
  DefaultStackSynthesizer,
  Duration,
  RemovalPolicy,
  Stack,
  type StackProps,
  Validations,
} from 'aws-cdk-lib';
import { CorsHttpMethod, HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  AllowedMethods,
  CacheCookieBehavior,
  CacheHeaderBehavior,
  CachePolicy,
  CacheQueryStringBehavior,
  Function as CloudFrontFunction,
  Distribution,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  OriginSslPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  type CfnBucket,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import type { Construct } from 'constructs';
import { REPO_ROOT } from './kakehashi-function.ts';
import { webContentSecurityPolicy } from './web-csp.ts';

export interface WebStackProps extends StackProps {
  /**
   * The built web app to upload (`web/dist`). Uploaded only if it holds an index.html at synth time, so
   * synth works on a fresh clone; `null` never uploads.
   * @default web/dist under the repository root
   */
  readonly webDist?: string | null;
  /**
   * The origin people use when it is not the distribution's own domain (a custom domain in front of it).
   * @default https://<distribution domain>
   */
  readonly webOrigin?: string;
  /**
   * The AWS WAF web ACL (scope CLOUDFRONT, so made in us-east-1 by infra/edge-stack.ts) in front of the
   * distribution: web app and API.
   */
  readonly webAclArn: string;
}

/**
 * Everything with a public address: the private bucket with the built web app, the CloudFront
 * distribution in front of it (behind the WAF web ACL of infra/edge-stack.ts), and the HTTP API endpoint,
 * which the distribution serves under /v1/*. The browser only ever talks to one origin (as locally: web app
 * and API on :3000), so it needs no API URL and sends no CORS preflights.
 *
 * The API itself (routes, authorizer, integrations, and the `$default` stage, whose per-route throttling
 * needs the routes to exist first) is attached by the stateless stack. The endpoint
 * lives here because the distribution needs the API's address and the functions need the
 * distribution's address (WEB_ORIGIN): with the endpoint here, the dependency runs one way
 * (stateless → web) and one `cdk deploy --all` sets everything up.
 */
export class WebStack extends Stack {
  readonly bucket: Bucket;
  readonly distribution: Distribution;
  readonly httpApi: HttpApi;
  /** The API stage's access logs (the stage itself is the stateless stack's, after the routes). */
  readonly apiAccessLogs: LogGroup;
  /** `https://…` where people open the app: WEB_ORIGIN of every function. */
  readonly webOrigin: string;
  /** Whether the built web app was found and is uploaded by this stack. */
  readonly deploysWebApp: boolean;

  constructor(scope: Construct, id: string, props: WebStackProps) {
    super(scope, id, props);

    // --- The HTTP API endpoint and its stage's access logs ---------------------------------------------
    this.httpApi = new HttpApi(this, 'Api', {
      apiName: `${this.stackName}-api`,
      description: 'Kakehashi API (/v1); routes are attached by the stateless stack from functions/routes.ts',
      createDefaultStage: false,
      // Only a separately configured origin needs preflights: the app itself calls its own origin.
      ...(props.webOrigin
        ? {
            corsPreflight: {
              allowOrigins: [props.webOrigin],
              allowMethods: [
                CorsHttpMethod.GET,
                CorsHttpMethod.POST,
                CorsHttpMethod.PUT,
                CorsHttpMethod.PATCH,
                CorsHttpMethod.DELETE,
              ],
              allowHeaders: ['authorization', 'content-type'],
              maxAge: Duration.hours(1),
            },
          }
        : {}),
    });

    this.apiAccessLogs = new LogGroup(this, 'ApiAccessLogs', {
      retention: RetentionDays.THREE_MONTHS,
      // Who called what: kept when the stack goes, for abuse reports and incident reviews.
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // --- Buckets ------------------------------------------------------------------------------------------
    const logBucket = new Bucket(this, 'LogBucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      // CloudFront standard logs are delivered with an ACL.
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(365) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(logBucket).acknowledge({
      id: 'AwsSolutions::AwsSolutions-S1',
      reason:
        'This is the bucket that receives the server access logs of the web bucket and the CloudFront ' +
        'logs; logging it into itself would log its own log deliveries.',
    });

    this.bucket = new Bucket(this, 'WebBucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: logBucket,
      serverAccessLogsPrefix: 'web-bucket/',
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // --- Distribution -------------------------------------------------------------------------------------
    // SPA fallback: a path without a file extension is a client-side route and gets index.html. Done in a
    // viewer-request function, not with 403/404 error responses, which would also rewrite the API's own
    // 403 and 404 answers under /v1/* into index.html with status 200.
    const spaRewrite = new CloudFrontFunction(this, 'SpaRewrite', {
      runtime: FunctionRuntime.JS_2_0,
      comment: 'Serves index.html for client-side routes (paths without a file extension)',
      code: FunctionCode.fromInline(
        [
          'function handler(event) {',
          '  var request = event.request;',
          "  var last = request.uri.substring(request.uri.lastIndexOf('/') + 1);",
          "  if (last.indexOf('.') === -1) request.uri = '/index.html';",
          '  return request;',
          '}',
        ].join('\n'),
      ),
    });

    const webHeaders = new ResponseHeadersPolicy(this, 'WebHeaders', {
      comment: 'Security headers of the web app',
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          contentSecurityPolicy: webContentSecurityPolicy({
            cognitoOrigin: `https://cognito-idp.${this.region}.amazonaws.com`,
            https: true,
          }),
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: {
          referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
          override: true,
        },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(730),
          includeSubdomains: true,
          override: true,
        },
      },
      customHeadersBehavior: {
        customHeaders: [
          // The camera is for staff scanning check-in QR codes.
          {
            header: 'Permissions-Policy',
            value: 'camera=(self), microphone=(), geolocation=()',
            override: true,
          },
        ],
      },
    });

    // API responses are cached only when the function says so (Cache-Control), and per Authorization header.
    const apiCachePolicy = new CachePolicy(this, 'ApiCachePolicy', {
      comment: 'Kakehashi API: origin Cache-Control decides, keyed by Authorization and the query string',
      minTtl: Duration.seconds(0),
      defaultTtl: Duration.seconds(0),
      maxTtl: Duration.days(1),
      headerBehavior: CacheHeaderBehavior.allowList('Authorization'),
      queryStringBehavior: CacheQueryStringBehavior.all(),
      cookieBehavior: CacheCookieBehavior.none(),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });
    const apiOrigin = new HttpOrigin(`${this.httpApi.apiId}.execute-api.${this.region}.${this.urlSuffix}`, {
      protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
      originSslProtocols: [OriginSslPolicy.TLS_V1_2],
    });

    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'Kakehashi web app and API',
      // AWS WAF: AWS's common rule set and a rate limit per client IP on /v1/* (infra/edge-stack.ts).
      webAclId: props.webAclArn,
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      // Price class 200 includes the edge locations in Japan (100 is North America and Europe only).
      priceClass: PriceClass.PRICE_CLASS_200,
      enableLogging: true,
      logBucket,
      logFilePrefix: 'cloudfront/',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: webHeaders,
        functionAssociations: [{ function: spaRewrite, eventType: FunctionEventType.VIEWER_REQUEST }],
        compress: true,
      },
      additionalBehaviors: {
        '/v1/*': {
          origin: apiOrigin,
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          cachePolicy: apiCachePolicy,
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: ResponseHeadersPolicy.SECURITY_HEADERS,
          compress: true,
        },
      },
    });
    this.webOrigin = props.webOrigin ?? `https://${this.distribution.distributionDomainName}`;
    new CfnOutput(this, 'WebUrl', { value: `https://${this.distribution.distributionDomainName}` });
    new CfnOutput(this, 'StripeWebhookUrl', {
      value: `https://${this.distribution.distributionDomainName}/v1/webhooks/stripe`,
      description: 'The endpoint to register in the Stripe dashboard (once the webhook route exists)',
    });
    new CfnOutput(this, 'ApiEndpoint', { value: this.httpApi.apiEndpoint });
    new CfnOutput(this, 'DistributionId', { value: this.distribution.distributionId });

    Validations.of(this.distribution).acknowledge(
      {
        id: 'AwsSolutions::AwsSolutions-CFR1',
        reason:
          'No geo restriction: users are in Japan but professionals also work from abroad, and nothing ' +
          'served is restricted by country.',
      },
      {
        id: 'AwsSolutions::AwsSolutions-CFR4',
        reason:
          'The distribution uses the default *.cloudfront.net certificate, whose TLS policy CloudFront ' +
          'fixes; a minimum protocol version can only be set with a custom domain and certificate.',
      },
    );

    // --- The built web app ------------------------------------------------------------------------------
    const webDist = props.webDist === undefined ? join(REPO_ROOT, 'web', 'dist') : props.webDist;
    this.deploysWebApp = webDist !== null && existsSync(join(webDist, 'index.html'));
    if (webDist !== null && this.deploysWebApp) {
      new BucketDeployment(this, 'DeployWebApp', {
        sources: [Source.asset(webDist)],
        destinationBucket: this.bucket,
        distribution: this.distribution,
        distributionPaths: ['/*'],
        memoryLimit: 512,
      });
      this.acknowledgeBucketDeployment();
    }
  }

  /**
   * The upload function that BucketDeployment adds to the stack (a singleton maintained by aws-cdk-lib):
   * its findings are acknowledged on it, one by one.
   */
  private acknowledgeBucketDeployment(): void {
    const qualifier =
      this.node.tryGetContext('@aws-cdk/core:bootstrapQualifier') ??
      DefaultStackSynthesizer.DEFAULT_QUALIFIER;
    const assetsBucket = `arn:<AWS::Partition>:s3:::cdk-${qualifier}-assets-<AWS::AccountId>-${this.region}/*`;
    const webBucketArn = `<${this.getLogicalId(this.bucket.node.defaultChild as CfnBucket)}.Arn>`;
    const why = 'CDK BucketDeployment upload function, run by CloudFormation during deployment only';
    const s3Actions =
      'the actions BucketDeployment grants to copy the build from the CDK assets bucket into the web bucket';
    const findings: [string, string][] = [
      [
        'Serverless-LambdaDLQ',
        'CloudFormation invokes it for the custom resource and waits for its answer; a run that fails or ' +
          'never answers fails (and rolls back) the deployment, so a dead-letter queue would hold nothing to act on',
      ],
      [
        'Serverless-LambdaLatestVersion',
        'its runtime is chosen and kept current by aws-cdk-lib, not by this project',
      ],
      [
        'Serverless-LambdaTracing',
        'it runs only during deployments, outside any request; tracing it would show nothing of the product',
      ],
      [
        'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        'its role is created by aws-cdk-lib with the basic execution managed policy (its own logs only)',
      ],
      ['AwsSolutions-L1', 'its runtime is chosen and kept current by aws-cdk-lib, not by this project'],
      ['AwsSolutions-IAM5[Action::s3:GetObject*]', s3Actions],
      ['AwsSolutions-IAM5[Action::s3:GetBucket*]', s3Actions],
      ['AwsSolutions-IAM5[Action::s3:List*]', s3Actions],
      ['AwsSolutions-IAM5[Action::s3:DeleteObject*]', `${s3Actions} (pruning files of older builds)`],
      ['AwsSolutions-IAM5[Action::s3:Abort*]', `${s3Actions} (aborting failed multipart uploads)`],
      [`AwsSolutions-IAM5[Resource::${assetsBucket}]`, 'reads the zipped build from the CDK assets bucket'],
      [
        `AwsSolutions-IAM5[Resource::${webBucketArn}/*]`,
        'writes the objects of the web bucket, and no other bucket',
      ],
      [
        'AwsSolutions-IAM5[Resource::*]',
        'cloudfront:CreateInvalidation and GetInvalidation, which it calls to invalidate the distribution ' +
          'after an upload, have no resource-level permissions in the policy BucketDeployment writes',
      ],
    ];
    for (const child of this.node.children) {
      if (!child.node.id.startsWith('Custom::CDKBucketDeployment')) continue;
      for (const [id, reason] of findings) {
        const pack = id.slice(0, id.indexOf('-'));
        Validations.of(child).acknowledge({ id: `${pack}::${id}`, reason: `${why}: ${reason}.` });
      }
    }
  }
}
