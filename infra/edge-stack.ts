import { CfnOutput, ReferenceStrength, Stack, type StackProps } from 'aws-cdk-lib';
import { CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';

/** CloudFront's web ACLs live in us-east-1, whatever region the rest of the app is in. */
export const EDGE_REGION = 'us-east-1';

export interface EdgeStackProps extends StackProps {
  /** Requests one IP may make to the API (`/v1/…`) in five minutes before WAF blocks it for a while. */
  readonly apiRequestsPerIpPer5Minutes: number;
}

/**
 * The AWS WAF web ACL in front of the CloudFront distribution (and so in front of the API under /v1/*):
 * AWS's managed common rule set, and a rate-based rule per client IP on the API.
 *
 * Why a stack of its own, in us-east-1: a web ACL for CloudFront (scope CLOUDFRONT) can only be created in
 * us-east-1, while the distribution's stack lives in the app's region (ap-northeast-1). A REGIONAL web ACL is
 * no alternative: WAF attaches to REST APIs, not to HTTP APIs, so CloudFront is where the API can have one.
 *
 * How the distribution gets the ACL's ARN: the ACL is referenced *weakly*, which CDK synthesises as
 * CloudFormation's `Fn::GetStackOutput` (cross-region outputs, read at deploy time). That is CDK's own
 * cross-region reference without the custom resources of the strong kind (`crossRegionReferences`: an
 * ExportWriter Lambda here and an ExportReader Lambda in the web stack, SSM parameters between them), and
 * without a hand-copied ARN in context. A weak reference does not stop this stack from being deleted first,
 * but WAF itself refuses to delete an ACL that a distribution still uses; `cdk deploy --all` deploys this
 * stack before the web stack (the reference adds the dependency).
 */
export class EdgeStack extends Stack {
  readonly webAcl: CfnWebACL;

  constructor(scope: Construct, id: string, props: EdgeStackProps) {
    super(scope, id, props);

    const visibility = (metricName: string): CfnWebACL.VisibilityConfigProperty => ({
      cloudWatchMetricsEnabled: true,
      sampledRequestsEnabled: true,
      metricName,
    });

    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      description: 'Kakehashi: the web app and API behind CloudFront',
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      visibilityConfig: visibility('kakehashi-web-acl'),
      rules: [
        {
          // Checked first: a flood is blocked before the other rules spend capacity on it.
          name: 'ApiRatePerIp',
          priority: 0,
          action: { block: {} },
          statement: {
            rateBasedStatement: {
              aggregateKeyType: 'IP',
              limit: props.apiRequestsPerIpPer5Minutes,
              evaluationWindowSec: 300,
              // The web app's files are cached at the edge and cost nothing; the API is what a flood hurts.
              scopeDownStatement: {
                byteMatchStatement: {
                  fieldToMatch: { uriPath: {} },
                  positionalConstraint: 'STARTS_WITH',
                  searchString: '/v1/',
                  textTransformations: [{ priority: 0, type: 'NONE' }],
                },
              },
            },
          },
          visibilityConfig: visibility('kakehashi-api-rate-per-ip'),
        },
        {
          name: 'AWSManagedRulesCommonRuleSet',
          priority: 1,
          overrideAction: { none: {} },
          statement: {
            managedRuleGroupStatement: {
              vendorName: 'AWS',
              name: 'AWSManagedRulesCommonRuleSet',
              // Counted, not blocked: bodies over 8 KB are legitimate here (Stripe's webhook events carry
              // whole invoices; proposals and project descriptions are long), and their size is already
              // bounded by the API's schemas and API Gateway's payload limit.
              ruleActionOverrides: [{ name: 'SizeRestrictions_BODY', actionToUse: { count: {} } }],
            },
          },
          visibilityConfig: visibility('kakehashi-common-rule-set'),
        },
      ],
    });
    // Weak: Fn::GetStackOutput across regions, no custom resources (see above).
    this.webAcl.applyCrossStackReferenceStrength(ReferenceStrength.WEAK);

    new CfnOutput(this, 'WebAclArn', { value: this.webAcl.attrArn });
  }
}
