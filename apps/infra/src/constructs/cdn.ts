import { Duration, Fn, Stack } from "aws-cdk-lib";
import type { HttpApi } from "aws-cdk-lib/aws-apigatewayv2";
import {
  AllowedMethods,
  CacheCookieBehavior,
  CacheHeaderBehavior,
  CachePolicy,
  CacheQueryStringBehavior,
  Distribution,
  Function as EdgeFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  PriceClass,
  ViewerProtocolPolicy,
} from "aws-cdk-lib/aws-cloudfront";
import { HttpOrigin, S3BucketOrigin } from "aws-cdk-lib/aws-cloudfront-origins";
import type { RetentionDays } from "aws-cdk-lib/aws-logs";
import type { IBucket } from "aws-cdk-lib/aws-s3";
import { Construct } from "constructs";
import { accessLogBucket, CDN_LOG_PREFIX } from "./access-logs.ts";
import { type SiteOrigins, securityHeadersPolicies } from "./security-headers.ts";

/** The path pattern CloudFront sends to the API; the app answers `/api/x` as `/x`. */
export const API_PATH_PATTERN = "/api/*";

/**
 * The site is a single-page app: a path without a file extension (`/plans/123`) is a page of
 * index.html. Done by a viewer-request function on the site's behaviour only, so that the
 * API's own 404s under /api/* are never turned into the page (as distribution-wide error
 * responses would).
 */
const SPA_REWRITE = `function handler(event) {
  var request = event.request;
  var last = request.uri.split("/").pop();
  if (last.indexOf(".") === -1) request.uri = "/index.html";
  return request;
}`;

export interface OwnersCdnProps {
  readonly prefix: string;
  readonly webBucket: IBucket;
  readonly httpApi: HttpApi;
  /** The WAF WebACL (scope CLOUDFRONT, from the stage's us-east-1 edge stack). */
  readonly webAclArn: string;
  /**
   * Sent to the API on every forwarded request as ORIGIN_SECRET_HEADER: the API refuses calls
   * without it, so its public execute-api URL cannot be used to go around the WAF.
   */
  readonly originSecret: string;
  readonly logRetention: RetentionDays;
  /** What the site's CSP lets it reach besides itself. */
  readonly siteOrigins: SiteOrigins;
}

/** The origin header the API checks (apps/api/src/http/origin-guard.ts). */
export const ORIGIN_SECRET_HEADER = "x-owners-origin";

/**
 * One origin for the browser: the static site from S3 (through origin access control only) and
 * the API under /api/*. Photos are not served here: the API hands out short-lived signed URLs,
 * so the uploads bucket has no public path at all. Same origin means no CORS preflight on each API call and one domain to
 * certify; tokens go in the Authorization header (no cookies), so nothing rides on the site's
 * cookies.
 */
export class OwnersCdn extends Construct {
  readonly distribution: Distribution;

  constructor(scope: Construct, id: string, props: OwnersCdnProps) {
    super(scope, id);
    const region = Stack.of(this).region;
    // Never cached, but the Authorization header must be in a cache policy to reach the origin
    // (origin request policies cannot forward it); with a 0 default TTL nothing is kept.
    const apiCache = new CachePolicy(this, "ApiNoCache", {
      cachePolicyName: `${props.prefix}-api-no-cache`,
      comment: "API: nothing cached; Authorization and query strings reach the API",
      defaultTtl: Duration.seconds(0),
      minTtl: Duration.seconds(0),
      maxTtl: Duration.seconds(1),
      headerBehavior: CacheHeaderBehavior.allowList("Authorization"),
      queryStringBehavior: CacheQueryStringBehavior.all(),
      cookieBehavior: CacheCookieBehavior.none(),
    });
    const apiDomain = `${props.httpApi.apiId}.execute-api.${region}.${Fn.ref("AWS::URLSuffix")}`;
    const headers = securityHeadersPolicies(this, props.prefix, props.siteOrigins);
    this.distribution = new Distribution(this, "Distribution", {
      comment: `${props.prefix} site and API`,
      webAclId: props.webAclArn,
      enableLogging: true,
      logBucket: accessLogBucket(this, "Logs", props.logRetention),
      logFilePrefix: CDN_LOG_PREFIX,
      defaultRootObject: "index.html",
      httpVersion: HttpVersion.HTTP2_AND_3,
      // Japan is in the cheapest class that includes Asia.
      priceClass: PriceClass.PRICE_CLASS_200,
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(props.webBucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: headers.site,
        compress: true,
        functionAssociations: [
          {
            eventType: FunctionEventType.VIEWER_REQUEST,
            function: new EdgeFunction(this, "SpaRewrite", {
              runtime: FunctionRuntime.JS_2_0,
              code: FunctionCode.fromInline(SPA_REWRITE),
              comment: "Site pages are index.html",
            }),
          },
        ],
      },
      additionalBehaviors: {
        [API_PATH_PATTERN]: {
          origin: new HttpOrigin(apiDomain, {
            protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
            // Replaces any viewer header of that name: only CloudFront can send the secret.
            customHeaders: { [ORIGIN_SECRET_HEADER]: props.originSecret },
          }),
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          cachePolicy: apiCache,
          // API Gateway routes by its own Host header: forward everything else.
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: headers.api,
          compress: true,
        },
      },
    });
  }

  /** `https://d111.cloudfront.net`: the site's origin. */
  get origin(): string {
    return `https://${this.distribution.distributionDomainName}`;
  }
}
