import { describe, expect, it } from "vitest";
import { siteConfigOf } from "./site-config.ts";

describe("the site's config.json from a stage's outputs", () => {
  const outputs = {
    SiteUrl: "https://d111111abcdef8.cloudfront.net",
    CognitoDomain: "https://owners-staging-123456789012.auth.ap-northeast-1.amazoncognito.com",
    UserPoolClientId: "3n4b5urk1ft4fl3mg5e62d9ado",
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
      },
    });
  });

  it("names the output that is missing", () => {
    expect(() => siteConfigOf({ ...outputs, UserPoolClientId: "" })).toThrow(/UserPoolClientId/);
  });
});
