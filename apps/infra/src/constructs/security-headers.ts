import { Duration } from "aws-cdk-lib";
import {
  HeadersFrameOption,
  HeadersReferrerPolicy,
  ResponseHeadersPolicy,
  type ResponseSecurityHeadersBehavior,
} from "aws-cdk-lib/aws-cloudfront";
import type { Construct } from "constructs";

/** The payment processor's hosted checkout, where owners are sent to pay. */
export const CHECKOUT_ORIGIN = "https://checkout.stripe.com";

export interface SiteOrigins {
  /** Cognito's hosted UI and token endpoint: `https://<prefix>.auth.<region>.amazoncognito.com`. */
  readonly cognito: string;
  /** The admins' pool's hosted UI and token endpoint (constructs/admin-auth.ts), when there is one. */
  readonly adminCognito?: string;
  /**
   * Where photos are posted and read by presigned URLs: S3 in the stage's region. Not the bucket's
   * own name: its CORS rule names the distribution's domain, so a CSP naming the bucket would make
   * the two depend on each other (CloudFormation refuses the cycle). Scripts are still 'self' only.
   */
  readonly uploads: string;
}

/**
 * The site's CSP: its own scripts and styles only (Vite emits no inline code), photos and uploads
 * from the uploads bucket, tokens from Cognito, forms to Cognito and the checkout; never framed.
 */
export const siteContentSecurityPolicy = (origins: SiteOrigins): string => {
  const cognito = [
    origins.cognito,
    ...(origins.adminCognito === undefined ? [] : [origins.adminCognito]),
  ].join(" ");
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src 'self' data: ${origins.uploads}`,
    `connect-src 'self' ${cognito} ${origins.uploads}`,
    `form-action 'self' ${cognito} ${CHECKOUT_ORIGIN}`,
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join("; ");
};

/** The API answers JSON: nothing it returns may load or run anything, or be framed. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** HSTS for two years, subdomains included; the rest of the usual hardening headers. */
const securityHeaders = (contentSecurityPolicy: string): ResponseSecurityHeadersBehavior => ({
  contentSecurityPolicy: { contentSecurityPolicy, override: true },
  strictTransportSecurity: {
    accessControlMaxAge: Duration.days(730),
    includeSubdomains: true,
    override: true,
  },
  frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
  referrerPolicy: {
    referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
    override: true,
  },
  contentTypeOptions: { override: true },
});

/** The response headers policies of the site's and the API's behaviours. */
export const securityHeadersPolicies = (
  scope: Construct,
  prefix: string,
  origins: SiteOrigins,
): { site: ResponseHeadersPolicy; api: ResponseHeadersPolicy } => ({
  site: new ResponseHeadersPolicy(scope, "SiteHeaders", {
    responseHeadersPolicyName: `${prefix}-site`,
    comment: "Site: strict CSP, HSTS, no framing, referrer policy",
    securityHeadersBehavior: securityHeaders(siteContentSecurityPolicy(origins)),
  }),
  api: new ResponseHeadersPolicy(scope, "ApiHeaders", {
    responseHeadersPolicyName: `${prefix}-api`,
    comment: "API: nothing loads, nothing frames, HSTS",
    securityHeadersBehavior: securityHeaders(API_CONTENT_SECURITY_POLICY),
  }),
});
