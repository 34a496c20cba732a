import { describe, expect, it } from "vitest";
import { CDN_LOG_PREFIX } from "./constructs/access-logs.ts";
import { ACCESS_LOG_FIELDS } from "./constructs/api.ts";
import { API_PATH_PATTERN, ORIGIN_SECRET_HEADER } from "./constructs/cdn.ts";
import { API_CONTENT_SECURITY_POLICY, CHECKOUT_ORIGIN } from "./constructs/security-headers.ts";
import {
  COUNTED_MANAGED_RULES,
  MANAGED_RULE_GROUPS,
  RATE_WINDOW_SECONDS,
  SENSITIVE_PATHS,
  WEBHOOK_PATH_PREFIX,
} from "./constructs/waf.ts";
import { EDGE_REGION, STAGE_NAMES, STAGES } from "./stages.ts";
import { resolveIntrinsic } from "./testing/deployed-function.ts";
import { type CfnResource, resourcesOfType, synthesizedForThisFile } from "./testing/synth.ts";

const synthesized = synthesizedForThisFile();

const props = (r: CfnResource | undefined): Record<string, unknown> => r?.Properties ?? {};

interface Rule {
  Name: string;
  Priority: number;
  Action?: unknown;
  OverrideAction?: unknown;
  Statement: {
    RateBasedStatement?: {
      Limit: number;
      AggregateKeyType: string;
      EvaluationWindowSec: number;
      ScopeDownStatement?: {
        OrStatement?: { Statements: { ByteMatchStatement: unknown }[] };
        ByteMatchStatement?: unknown;
        NotStatement?: { Statement: { ByteMatchStatement: unknown } };
      };
    };
    ManagedRuleGroupStatement?: {
      VendorName: string;
      Name: string;
      RuleActionOverrides?: { Name: string; ActionToUse: unknown }[];
    };
  };
}

describe.each(STAGE_NAMES)("the %s edge", (name) => {
  const prefix = `owners-${name}`;
  const stage = () => synthesized().stage(name);
  const distribution = () => {
    const [[id, d] = []] = resourcesOfType(stage().json, "AWS::CloudFront::Distribution");
    return { id, config: props(d).DistributionConfig as Record<string, unknown> };
  };

  it("has a WebACL for CloudFront in us-east-1: rate limits per IP, then AWS's rule groups", () => {
    expect(stage().edge.stack.region).toBe(EDGE_REGION);
    const acls = resourcesOfType(stage().edge.json, "AWS::WAFv2::WebACL");
    expect(acls).toHaveLength(1);
    const acl = props(acls[0]?.[1]);
    expect(acl.Scope).toBe("CLOUDFRONT");
    expect(acl.DefaultAction).toEqual({ Allow: {} });
    const rules = (acl.Rules as Rule[]).sort((a, b) => a.Priority - b.Priority);
    const [sensitive, webhooks, perIp, ...managed] = rules;
    const webhookPath = {
      ByteMatchStatement: {
        FieldToMatch: { UriPath: {} },
        PositionalConstraint: "STARTS_WITH",
        SearchString: WEBHOOK_PATH_PREFIX,
        TextTransformations: [
          { Priority: 0, Type: "URL_DECODE" },
          { Priority: 1, Type: "LOWERCASE" },
        ],
      },
    };
    // Everything but the processor's webhooks shares the general limit...
    expect(perIp?.Action).toEqual({ Block: {} });
    expect(perIp?.Statement.RateBasedStatement).toEqual({
      AggregateKeyType: "IP",
      Limit: STAGES[name].waf.perIp,
      EvaluationWindowSec: RATE_WINDOW_SECONDS,
      ScopeDownStatement: { NotStatement: { Statement: webhookPath } },
    });
    // ...and the webhooks, sent from a few processor IPs, have their own higher one.
    expect(webhooks?.Action).toEqual({ Block: {} });
    expect(webhooks?.Statement.RateBasedStatement).toEqual({
      AggregateKeyType: "IP",
      Limit: STAGES[name].waf.webhooks,
      EvaluationWindowSec: RATE_WINDOW_SECONDS,
      ScopeDownStatement: webhookPath,
    });
    expect(STAGES[name].waf.webhooks).toBeGreaterThan(STAGES[name].waf.perIp);
    // The tighter limit counts only the sensitive paths, decoded and lower-cased.
    const rate = sensitive?.Statement.RateBasedStatement;
    expect(sensitive?.Action).toEqual({ Block: {} });
    expect(rate?.Limit).toBe(STAGES[name].waf.sensitive);
    expect(rate?.Limit).toBeLessThan(STAGES[name].waf.perIp);
    expect(rate?.ScopeDownStatement?.OrStatement?.Statements).toEqual(
      SENSITIVE_PATHS.map(({ position, path }) => ({
        ByteMatchStatement: {
          FieldToMatch: { UriPath: {} },
          PositionalConstraint: position,
          SearchString: path,
          TextTransformations: [
            { Priority: 0, Type: "URL_DECODE" },
            { Priority: 1, Type: "LOWERCASE" },
          ],
        },
      })),
    );
    expect(SENSITIVE_PATHS.map((p) => p.path)).toEqual(
      expect.arrayContaining(["/api/auth/", "/reservations"]),
    );
    expect(SENSITIVE_PATHS.map((p) => p.path)).not.toContain(WEBHOOK_PATH_PREFIX);
    expect(managed.map((r) => r.Statement.ManagedRuleGroupStatement?.Name)).toEqual([
      ...MANAGED_RULE_GROUPS,
    ]);
    for (const rule of managed) {
      expect(rule.OverrideAction).toEqual({ None: {} });
      expect(rule.Statement.ManagedRuleGroupStatement?.VendorName).toBe("AWS");
    }
    expect(managed[0]?.Statement.ManagedRuleGroupStatement?.RuleActionOverrides).toEqual(
      COUNTED_MANAGED_RULES.map((r) => ({ Name: r, ActionToUse: { Count: {} } })),
    );
  });

  it("puts the WebACL on the distribution, read across regions from the edge stack", () => {
    const webAcl = JSON.stringify(distribution().config.WebACLId);
    // A cross-region reference: resolved at deploy from the edge stack's export, not a literal.
    expect(webAcl).toContain("Fn::GetAtt");
    const [[readerId] = []] = resourcesOfType(stage().json, "Custom::CrossRegionExportReader");
    expect(webAcl).toContain(readerId);
    expect(stage().stack.dependencies.map((s) => s.stackName)).toContain(`${prefix}-edge`);
  });

  it("sends the API a secret origin header, the same secret the API function requires", () => {
    const { config } = distribution();
    const behaviors = config.CacheBehaviors as { PathPattern: string; TargetOriginId: string }[];
    const api = behaviors.find((b) => b.PathPattern === API_PATH_PATTERN);
    const origin = (
      config.Origins as {
        Id: string;
        OriginCustomHeaders?: { HeaderName: string; HeaderValue: unknown }[];
      }[]
    ).find((o) => o.Id === api?.TargetOriginId);
    const header = origin?.OriginCustomHeaders?.find((h) => h.HeaderName === ORIGIN_SECRET_HEADER);
    expect(header).toBeDefined();
    // Resolved by CloudFormation from Secrets Manager: the template never holds the value.
    expect(JSON.stringify(header?.HeaderValue)).toContain("{{resolve:secretsmanager:");
    const [[, fn] = []] = resourcesOfType(stage().json, "AWS::Lambda::Function").filter(
      ([, f]) => props(f).FunctionName === `${prefix}-api`,
    );
    const env = (props(fn).Environment as { Variables: Record<string, unknown> }).Variables;
    // The function gets the same secret's ARN, and reads it at a cold start.
    const secretRef = env.OWNERS_ORIGIN_SECRET_ARN as { Ref: string };
    expect(stage().json.Resources[secretRef.Ref]?.Type).toBe("AWS::SecretsManager::Secret");
    expect(JSON.stringify(header?.HeaderValue)).toContain(JSON.stringify(secretRef));
    // The site's own origin (S3) gets no such header.
    const s3 = (config.Origins as Record<string, unknown>[]).find((o) => o.S3OriginConfig);
    expect(s3?.OriginCustomHeaders).toBeUndefined();
  });

  it("logs CloudFront's requests to a bucket that expires them with the stage's retention", () => {
    const logging = distribution().config.Logging as { Bucket: unknown; Prefix: string };
    expect(logging.Prefix).toBe(CDN_LOG_PREFIX);
    const [bucketId] = (logging.Bucket as { "Fn::GetAtt": string[] })["Fn::GetAtt"];
    const bucket = props(stage().json.Resources[bucketId ?? ""]);
    expect(bucket.LifecycleConfiguration).toEqual({
      Rules: [
        expect.objectContaining({ ExpirationInDays: STAGES[name].logRetention, Status: "Enabled" }),
      ],
    });
  });

  it("logs the API's requests as JSON lines to a log group with the stage's retention", () => {
    const [[, apiStage] = []] = resourcesOfType(stage().json, "AWS::ApiGatewayV2::Stage");
    const settings = props(apiStage).AccessLogSettings as {
      DestinationArn: unknown;
      Format: string;
    };
    expect(JSON.parse(settings.Format)).toEqual(ACCESS_LOG_FIELDS);
    const [logGroupId] = (settings.DestinationArn as { "Fn::GetAtt": string[] })["Fn::GetAtt"];
    expect(stage().json.Resources[logGroupId ?? ""]).toMatchObject({
      Type: "AWS::Logs::LogGroup",
      Properties: { RetentionInDays: STAGES[name].logRetention },
    });
  });

  const headersPolicyOf = (behavior: Record<string, unknown> | undefined) => {
    const ref = (behavior?.ResponseHeadersPolicyId as { Ref?: string } | undefined)?.Ref ?? "";
    const policy = props(stage().json.Resources[ref]).ResponseHeadersPolicyConfig as {
      SecurityHeadersConfig: Record<string, Record<string, unknown>>;
    };
    return policy.SecurityHeadersConfig;
  };

  it("sends the site with a strict CSP, HSTS, no framing and a referrer policy", () => {
    const { config } = distribution();
    const site = headersPolicyOf(config.DefaultCacheBehavior as Record<string, unknown>);
    const cspValue = site.ContentSecurityPolicy?.ContentSecurityPolicy;
    const csp = resolveIntrinsic(cspValue);
    const directives = new Map(
      csp.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)] as const),
    );
    expect(directives.get("default-src")).toEqual(["'self'"]);
    expect(directives.get("script-src")).toEqual(["'self'"]);
    expect(directives.get("frame-ancestors")).toEqual(["'none'"]);
    expect(directives.get("object-src")).toEqual(["'none'"]);
    expect(directives.get("form-action")).toContain(CHECKOUT_ORIGIN);
    expect(csp).not.toContain("unsafe-");
    // Cognito's domain (token endpoint), by reference, and S3 in the stage's region (uploads).
    // The admins' pool has a domain of its own (constructs/admin-auth.ts): both are listed.
    const domains = resourcesOfType(stage().json, "AWS::Cognito::UserPoolDomain").map(([id]) => id);
    const people = domains.find((id) => !id.startsWith("AdminAuth")) ?? "?";
    const admins = domains.find((id) => id.startsWith("AdminAuth")) ?? "?";
    const hosted = (id: string) =>
      `https://ref-${id.toLowerCase()}.auth.${STAGES[name].region}.amazoncognito.com`;
    const s3 = `https://*.s3.${STAGES[name].region}.amazonaws.com`;
    expect(directives.get("connect-src")).toEqual(["'self'", hosted(people), hosted(admins), s3]);
    expect(directives.get("img-src")).toEqual(["'self'", "data:", s3]);
    expect(site.StrictTransportSecurity).toMatchObject({
      AccessControlMaxAgeSec: 730 * 24 * 3600,
      IncludeSubdomains: true,
      Override: true,
    });
    expect(site.FrameOptions).toEqual({ FrameOption: "DENY", Override: true });
    expect(site.ReferrerPolicy).toEqual({
      ReferrerPolicy: "strict-origin-when-cross-origin",
      Override: true,
    });
  });

  it("sends the API's answers with a CSP under which nothing loads", () => {
    const behaviors = distribution().config.CacheBehaviors as Record<string, unknown>[];
    const api = headersPolicyOf(behaviors.find((b) => b.PathPattern === API_PATH_PATTERN));
    expect(api.ContentSecurityPolicy?.ContentSecurityPolicy).toBe(API_CONTENT_SECURITY_POLICY);
    expect(api.StrictTransportSecurity).toMatchObject({ IncludeSubdomains: true });
  });
});
