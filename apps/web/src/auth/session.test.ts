import { describe, expect, it } from "vitest";
import { loadSession, sessionFromToken, storeSession } from "./session";

// A JWT body is base64url UTF-8 JSON (names may be Japanese).
const token = (claims: object) =>
  `header.${Buffer.from(JSON.stringify(claims)).toString("base64url")}.sig`;

describe("sessionFromToken", () => {
  it("reads a dev-login token's role and a Cognito token's group", () => {
    expect(
      sessionFromToken(token({ sub: "owner-sato", role: "owner", name: "佐藤" })),
    ).toMatchObject({
      sub: "owner-sato",
      role: "owner",
      name: "佐藤",
    });
    expect(
      sessionFromToken(token({ sub: "u1", "cognito:groups": ["owners", "producers"] }))?.role,
    ).toBe("producer");
    // A confirmed Cognito user in no group is an owner, as the API reads it.
    const pool = "https://cognito-idp.ap-northeast-1.amazonaws.com/pool";
    expect(sessionFromToken(token({ sub: "u1", iss: pool, "cognito:groups": [] }))?.role).toBe(
      "owner",
    );
  });

  it("drops an expired token, one without a role, and garbage", () => {
    expect(sessionFromToken(token({ sub: "u1", role: "owner", exp: 1 }))).toBeUndefined();
    expect(sessionFromToken(token({ sub: "u1" }))).toBeUndefined();
    expect(sessionFromToken("not-a-jwt")).toBeUndefined();
  });
});

describe("where the session is kept", () => {
  const live = token({ sub: "u1", role: "owner", exp: Math.floor(Date.now() / 1000) + 3600 });

  it("in sessionStorage (this tab only), never in localStorage", () => {
    storeSession(sessionFromToken(live));
    expect(sessionStorage.getItem("owners.session")).toBe(live);
    expect(localStorage.getItem("owners.session")).toBeNull();
    expect(loadSession()?.token).toBe(live);
    storeSession(undefined);
    expect(sessionStorage.getItem("owners.session")).toBeNull();
    expect(loadSession()).toBeUndefined();
  });

  it("drops a token an older build left in localStorage", () => {
    localStorage.setItem("owners.session", live);
    expect(loadSession()).toBeUndefined();
    expect(localStorage.getItem("owners.session")).toBeNull();
  });
});
