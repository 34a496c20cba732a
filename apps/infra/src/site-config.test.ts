import { describe, expect, it } from "vitest";
import { siteConfigOf } from "./site-config.ts";

describe("the site's config.json from a stage's outputs", () => {
  const outputs = {
    SiteUrl: "https://d111111abcdef8.cloudfront.net",
    CognitoDomain: "https://owners-staging-123456789012.auth.ap-northeast-1.amazoncognito.com",
    UserPoolClientId: "3n4b5urk1ft4fl3mg5e62d9ado",
    AdminCognitoDomain:
      "https://owners-staging-admin-123456789012.auth.ap-northeast-1.amazoncognito.com",
    AdminUserPoolClientId: "7admin0client0id0000000000",
    WebBucket: "owners-staging-web",
  };

  it("calls the API on the same origin and signs in with the hosted UI", () => {
    expect(siteConfigOf(outputs)).toEqual({
      apiBase: "/api",
      auth: {
        cognito: {
          domain: "owners-staging-123456789012.auth.ap-northeast-1.amazoncognito.com",
          clientId: "3n4b5urk1ft4fl3mg5e62d9ado",
        },
        // The console signs in to the admins' own pool (MFA required).
        adminCognito: {
          domain: "owners-staging-admin-123456789012.auth.ap-northeast-1.amazoncognito.com",
          clientId: "7admin0client0id0000000000",
        },
      },
    });
  });

  it("names the output that is missing", () => {
    expect(() => siteConfigOf({ ...outputs, UserPoolClientId: "" })).toThrow(/UserPoolClientId/);
    expect(() => siteConfigOf({ ...outputs, AdminUserPoolClientId: undefined })).toThrow(
      /AdminUserPoolClientId/,
    );
  });
});
