import { Duration } from "aws-cdk-lib";
import { RetentionDays } from "aws-cdk-lib/aws-logs";

export const STAGE_NAMES = ["staging", "production"] as const;
export type StageName = (typeof STAGE_NAMES)[number];

/** What differs between stages; everything else is the same code. */
export interface StageSettings {
  readonly name: StageName;
  /** Tokyo: where the producers and owners are. */
  readonly region: string;
  /**
   * Production keeps its data whatever happens to the stack: deletion protection on the table and
   * the user pool, RETAIN on every stateful resource. Staging can be torn down and rebuilt.
   */
  readonly protectData: boolean;
  readonly logLevel: "info" | "debug";
  readonly logRetention: RetentionDays;
  /** Platform fee in basis points (the API's OWNERS_PLATFORM_FEE_BPS). */
  readonly platformFeeBps: number;
  /** API Gateway stage throttle: a flood is refused at the door, not by DynamoDB. */
  readonly apiThrottle: { readonly rateLimit: number; readonly burstLimit: number };
  /**
   * AWS WAF on CloudFront, requests per IP in any 5 minutes: `perIp` over everything but the
   * webhooks, `sensitive` over sign-in and reservation paths (constructs/waf.ts), where a flood
   * costs most, `webhooks` over the payment processor's webhooks (few sender IPs, many events).
   */
  readonly waf: { readonly perIp: number; readonly sensitive: number; readonly webhooks: number };
  /** p99 latency above this for 15 minutes raises the alarm. */
  readonly apiP99LatencyMs: number;
  /** Athena refuses a query that would scan more than this (cost cap per query). */
  readonly athenaBytesScannedCutoff: number;
  /** Origins besides the CloudFront domain (a custom domain, once there is one). */
  readonly extraWebOrigins: readonly string[];
  /** How long Athena results are kept. */
  readonly athenaResultsRetention: Duration;
  /**
   * The SES sender of notification emails (`Name <address>`, ASCII), a verified SES identity.
   * Until a person verifies one and sets it here, no mail channel is wired and the
   * flush-notifications schedule is disabled: messages wait in the outbox, none is lost.
   */
  readonly notificationsFrom?: string;
  /**
   * The operators' address: messages to the platform's admins (a payment dispute) are mailed
   * there once mail is wired. Set by a person with the sender.
   */
  readonly operatorsEmail?: string;
  /**
   * The most API instances kept warm (provisioned concurrency on the `live` alias) around plans'
   * openings, whatever the crowd expected (the warm-api batch; counted against the account's
   * concurrency and billed while provisioned).
   */
  readonly warmUpMaxInstances: number;
}

const GIB = 1024 ** 3;

export const STAGES: Readonly<Record<StageName, StageSettings>> = {
  staging: {
    name: "staging",
    region: "ap-northeast-1",
    protectData: false,
    logLevel: "debug",
    logRetention: RetentionDays.TWO_WEEKS,
    platformFeeBps: 1000,
    apiThrottle: { rateLimit: 50, burstLimit: 100 },
    waf: { perIp: 1000, sensitive: 100, webhooks: 10_000 },
    apiP99LatencyMs: 3000,
    athenaBytesScannedCutoff: 1 * GIB,
    extraWebOrigins: [],
    athenaResultsRetention: Duration.days(7),
    warmUpMaxInstances: 2,
  },
  production: {
    name: "production",
    region: "ap-northeast-1",
    protectData: true,
    logLevel: "info",
    logRetention: RetentionDays.THREE_MONTHS,
    platformFeeBps: 1000,
    apiThrottle: { rateLimit: 500, burstLimit: 1000 },
    waf: { perIp: 2000, sensitive: 100, webhooks: 50_000 },
    apiP99LatencyMs: 2000,
    athenaBytesScannedCutoff: 10 * GIB,
    extraWebOrigins: [],
    athenaResultsRetention: Duration.days(30),
    warmUpMaxInstances: 50,
  },
};

/** CloudFront's WAF WebACLs (scope CLOUDFRONT) can only be created in us-east-1. */
export const EDGE_REGION = "us-east-1";

/** `owners-staging`: the prefix of every physical name of a stage. */
export const stagePrefix = (stage: StageName): string => `owners-${stage}`;
