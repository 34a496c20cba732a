import { Duration, RemovalPolicy } from "aws-cdk-lib";
import { AccessLogFormat } from "aws-cdk-lib/aws-apigateway";
import {
  HttpApi,
  HttpMethod,
  HttpStage,
  type IHttpRouteAuthorizer,
  LogGroupLogDestination,
} from "aws-cdk-lib/aws-apigatewayv2";
import { HttpLambdaIntegration } from "aws-cdk-lib/aws-apigatewayv2-integrations";
import { Alias, Code, Function as LambdaFunction } from "aws-cdk-lib/aws-lambda";
import { LogGroup, type RetentionDays } from "aws-cdk-lib/aws-logs";
import { Construct } from "constructs";
import { functionLogGroup, LAMBDA_ARCHITECTURE, LAMBDA_RUNTIME } from "./lambda-defaults.ts";

/**
 * Memory: Lambda gives CPU in proportion to memory (1,769 MB = one vCPU). The cold start is
 * parsing a ~575 KB entry and building the container, CPU-bound work that 1,024 MB does in
 * roughly half the time of 512 MB for less than twice the price per ms; requests themselves wait
 * on DynamoDB and need little memory. Revisit with `pnpm bench` figures and real p99s.
 */
export const API_MEMORY_MB = 1024;
/**
 * Timeout: a request is a few DynamoDB calls (one transaction for a reservation), tens of ms.
 * 10 s lets the SDK's retries of a throttled write finish, yet fails a stuck call well before API
 * Gateway's 30 s integration limit, so the caller gets the app's own answer, not a gateway 503.
 */
export const API_TIMEOUT = Duration.seconds(10);

/**
 * Path prefixes where every route needs a signed-in user: API Gateway's JWT authorizer refuses
 * anonymous calls there before the function runs (and before it costs anything). The other
 * routes mix public reads with signed-in writes, so the app alone decides there.
 */
export const SIGNED_IN_PREFIXES = ["/me", "/producers/me", "/admin", "/uploads"] as const;
/** The app answers both `/x` and `/api/x` (CloudFront forwards `/api/*` unchanged). */
export const PATH_BASES = ["", "/api"] as const;
/**
 * The payment processor's webhooks: no user and no bearer token, the body's signature is the
 * proof (the app verifies it). Routed on their own, never behind the authorizer, so that no
 * change to SIGNED_IN_PREFIXES can lock the processor out.
 */
export const WEBHOOK_PATHS = ["/webhooks/payments"] as const;

/** The access log's route key of each webhook route (`POST /api/webhooks/payments`...). */
export const WEBHOOK_ROUTE_KEYS = PATH_BASES.flatMap((base) =>
  WEBHOOK_PATHS.map((path) => `POST ${base}${path}`),
);

export interface OwnersApiProps {
  readonly prefix: string;
  /** The directory holding the bundled `lambda.mjs` (and its chunks/). */
  readonly bundleDir: string;
  readonly environment: Readonly<Record<string, string>>;
  readonly logRetention: RetentionDays;
  readonly throttle: { readonly rateLimit: number; readonly burstLimit: number };
}

/**
 * One JSON line per request in the API's access log: who (source IP, user agent), what (route,
 * status, bytes), how long, and the request id the app logs too. No headers, no query strings.
 */
export const ACCESS_LOG_FIELDS = {
  requestId: "$context.requestId",
  ip: "$context.identity.sourceIp",
  userAgent: "$context.identity.userAgent",
  requestTime: "$context.requestTimeEpoch",
  method: "$context.httpMethod",
  routeKey: "$context.routeKey",
  status: "$context.status",
  responseLength: "$context.responseLength",
  latencyMs: "$context.responseLatency",
  integrationError: "$context.integrationErrorMessage",
} as const;

/** The alias API Gateway invokes; rolling the API back is pointing it at an earlier version. */
export const LIVE_ALIAS = "live";

/** The HTTP API (API Gateway v2, payload 2.0) in front of the API function. */
export class OwnersApi extends Construct {
  readonly function: LambdaFunction;
  /** `live`: the version every deploy publishes, which API Gateway invokes. */
  readonly live: Alias;
  readonly httpApi: HttpApi;
  /** One JSON line per request (ACCESS_LOG_FIELDS): webhook failures are counted from it. */
  readonly accessLogs: LogGroup;
  private readonly integration: HttpLambdaIntegration;

  constructor(scope: Construct, id: string, props: OwnersApiProps) {
    super(scope, id);
    this.function = new LambdaFunction(this, "Function", {
      functionName: `${props.prefix}-api`,
      runtime: LAMBDA_RUNTIME,
      architecture: LAMBDA_ARCHITECTURE,
      code: Code.fromAsset(props.bundleDir),
      handler: "lambda.handler",
      memorySize: API_MEMORY_MB,
      timeout: API_TIMEOUT,
      environment: { ...props.environment },
      logGroup: functionLogGroup(this, "Logs", props.logRetention),
    });
    this.httpApi = new HttpApi(this, "HttpApi", {
      apiName: `${props.prefix}-api`,
      createDefaultStage: false,
    });
    this.accessLogs = new LogGroup(this, "AccessLogs", {
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    new HttpStage(this, "DefaultStage", {
      httpApi: this.httpApi,
      stageName: "$default",
      autoDeploy: true,
      throttle: props.throttle,
      accessLogSettings: {
        destination: new LogGroupLogDestination(this.accessLogs),
        format: AccessLogFormat.custom(JSON.stringify(ACCESS_LOG_FIELDS)),
      },
    });
    // Each deploy publishes a version (its code and configuration) and moves `live` to it, so a
    // bad release is undone in seconds with `aws lambda update-alias` (see the README).
    this.live = new Alias(this, "Live", {
      aliasName: LIVE_ALIAS,
      version: this.function.currentVersion,
    });
    this.integration = new HttpLambdaIntegration("Function", this.live);
  }

  /**
   * Routes: everything to the function; the signed-in prefixes (under `/` and `/api`) behind the
   * authorizer; the processor's webhooks on their own routes without it. API Gateway picks the most specific route, so those win over `/{proxy+}`.
   */
  addRoutes(authorizer: IHttpRouteAuthorizer, adminAuthorizer = authorizer): void {
    const integration = this.integration;
    this.httpApi.addRoutes({ path: "/", methods: [HttpMethod.ANY], integration });
    this.httpApi.addRoutes({ path: "/{proxy+}", methods: [HttpMethod.ANY], integration });
    for (const key of WEBHOOK_ROUTE_KEYS) {
      const path = key.slice("POST ".length);
      this.httpApi.addRoutes({ path, methods: [HttpMethod.POST], integration });
    }
    for (const base of PATH_BASES) {
      for (const prefix of SIGNED_IN_PREFIXES) {
        for (const path of [`${base}${prefix}`, `${base}${prefix}/{proxy+}`]) {
          this.httpApi.addRoutes({
            path,
            methods: [HttpMethod.ANY],
            integration,
            // Admin routes take only the admins' pool's tokens (constructs/admin-auth.ts).
            authorizer: prefix === "/admin" ? adminAuthorizer : authorizer,
          });
        }
      }
    }
  }
}
