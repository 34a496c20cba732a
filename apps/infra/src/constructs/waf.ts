import { CfnWebACL } from "aws-cdk-lib/aws-wafv2";
import { Construct } from "constructs";

/** AWS managed rule groups, in priority order after the rate rules. */
export const MANAGED_RULE_GROUPS = [
  "AWSManagedRulesCommonRuleSet",
  "AWSManagedRulesKnownBadInputsRuleSet",
] as const;

/**
 * The common rule set blocks bodies over 8 KB; a plan's story in Japanese can be larger. The API
 * limits bodies itself (OWNERS_MAX_BODY_BYTES, 413), so that one rule only counts.
 */
export const COUNTED_MANAGED_RULES = ["SizeRestrictions_BODY"] as const;

/** Window of the rate-based rules: limits are requests per IP in any 5 minutes. */
export const RATE_WINDOW_SECONDS = 300;

/**
 * Paths where one client's flood costs most: sign-in (the site's callback and the API's auth
 * routes), reservations and seat bookings (each holds stock).
 * Matched on the URL-decoded, lower-cased path, so `%72eservations` is no way around.
 */
export const SENSITIVE_PATHS = [
  { position: "STARTS_WITH", path: "/auth/" },
  { position: "STARTS_WITH", path: "/api/auth/" },
  { position: "CONTAINS", path: "/reservations" },
  { position: "CONTAINS", path: "/bookings" },
] as const;

/**
 * The processor's webhooks come from a few of its IPs, so a sellout sends thousands from one
 * address. They get their own, higher per-IP limit and are left out of the general one: a
 * flash sale's confirmations must not be blocked (a forged one fails its signature anyway).
 */
export const WEBHOOK_PATH_PREFIX = "/api/webhooks/";

export interface OwnersWebAclProps {
  readonly prefix: string;
  readonly perIp: number;
  readonly sensitive: number;
  readonly webhooks: number;
}

const visibility = (metricName: string): CfnWebACL.VisibilityConfigProperty => ({
  cloudWatchMetricsEnabled: true,
  metricName,
  sampledRequestsEnabled: true,
});

const pathMatch = (position: string, path: string): CfnWebACL.StatementProperty => ({
  byteMatchStatement: {
    fieldToMatch: { uriPath: {} },
    positionalConstraint: position,
    searchString: path,
    textTransformations: [
      { priority: 0, type: "URL_DECODE" },
      { priority: 1, type: "LOWERCASE" },
    ],
  },
});

/**
 * The WebACL in front of CloudFront (site and /api alike): a per-IP rate limit over everything,
 * a tighter one on the sensitive paths, then AWS's common and known-bad-inputs rule groups.
 * Scope CLOUDFRONT: it must be created in us-east-1 (see edge-stack.ts).
 */
export class OwnersWebAcl extends Construct {
  readonly webAcl: CfnWebACL;

  constructor(scope: Construct, id: string, props: OwnersWebAclProps) {
    super(scope, id);
    const rateRule = (
      name: string,
      priority: number,
      limit: number,
      scopeDownStatement?: CfnWebACL.StatementProperty,
    ): CfnWebACL.RuleProperty => ({
      name,
      priority,
      action: { block: {} },
      statement: {
        rateBasedStatement: {
          aggregateKeyType: "IP",
          limit,
          evaluationWindowSec: RATE_WINDOW_SECONDS,
          ...(scopeDownStatement === undefined ? {} : { scopeDownStatement }),
        },
      },
      visibilityConfig: visibility(`${props.prefix}-${name}`),
    });
    const sensitive = {
      orStatement: {
        statements: SENSITIVE_PATHS.map(({ position, path }) => pathMatch(position, path)),
      },
    };
    const webhooks = pathMatch("STARTS_WITH", WEBHOOK_PATH_PREFIX);
    const managed = MANAGED_RULE_GROUPS.map(
      (name, index): CfnWebACL.RuleProperty => ({
        name,
        priority: 10 + index,
        overrideAction: { none: {} },
        statement: {
          managedRuleGroupStatement: {
            vendorName: "AWS",
            name,
            ...(name === "AWSManagedRulesCommonRuleSet"
              ? {
                  ruleActionOverrides: COUNTED_MANAGED_RULES.map((rule) => ({
                    name: rule,
                    actionToUse: { count: {} },
                  })),
                }
              : {}),
          },
        },
        visibilityConfig: visibility(`${props.prefix}-${name}`),
      }),
    );
    this.webAcl = new CfnWebACL(this, "WebAcl", {
      name: props.prefix,
      scope: "CLOUDFRONT",
      defaultAction: { allow: {} },
      visibilityConfig: visibility(props.prefix),
      rules: [
        rateRule("rate-sensitive-per-ip", 1, props.sensitive, sensitive),
        rateRule("rate-webhooks-per-ip", 2, props.webhooks, webhooks),
        rateRule("rate-per-ip", 3, props.perIp, { notStatement: { statement: webhooks } }),
        ...managed,
      ],
    });
  }
}
