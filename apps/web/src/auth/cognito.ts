import type { CognitoConfig } from "../config";
import { codeChallenge, randomVerifier } from "./pkce";

/**
 * Cognito hosted UI, authorization code flow with PKCE (a public SPA client, no secret).
 * Not exercised by the tests here: it needs a real user pool.
 */
const PENDING_KEY = "owners.cognito.pending";

const redirectUri = (config: CognitoConfig, origin: string) =>
  config.redirectUri ?? `${origin}/auth/callback`;

/** The hosted UI address to send the browser to; remembers the verifier and state for the callback. */
export const beginSignIn = async (
  config: CognitoConfig,
  origin: string = location.origin,
  storage: Storage = sessionStorage,
): Promise<string> => {
  const verifier = randomVerifier();
  const state = randomVerifier(16);
  storage.setItem(PENDING_KEY, JSON.stringify({ verifier, state }));
  const query = new URLSearchParams({
    response_type: "code",
    client_id: config.clientId,
    redirect_uri: redirectUri(config, origin),
    scope: (config.scopes ?? ["openid", "email", "profile"]).join(" "),
    state,
    code_challenge_method: "S256",
    code_challenge: await codeChallenge(verifier),
  });
  return `https://${config.domain}/oauth2/authorize?${query}`;
};

/** What the token endpoint gives the site: the id token, and on sign-in a refresh token. */
export interface SignedInTokens {
  /** Carries `cognito:groups`, the API's role claim; sent as the bearer token. */
  readonly idToken: string;
  readonly refreshToken?: string;
}

const postToTokenEndpoint = async (
  config: CognitoConfig,
  body: URLSearchParams,
  fetchImpl: typeof fetch,
): Promise<SignedInTokens> => {
  const response = await fetchImpl(`https://${config.domain}/oauth2/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body,
  });
  if (!response.ok) throw new Error(`token endpoint answered ${response.status}`);
  const tokens = (await response.json()) as { id_token?: string; refresh_token?: string };
  if (tokens.id_token === undefined) throw new Error("no id_token in the token response");
  return {
    idToken: tokens.id_token,
    ...(tokens.refresh_token === undefined ? {} : { refreshToken: tokens.refresh_token }),
  };
};

/**
 * On /auth/callback: checks the state and trades the code (with the verifier) for tokens at the
 * token endpoint.
 */
export const completeSignIn = async (
  config: CognitoConfig,
  callbackUrl: string,
  origin: string = location.origin,
  storage: Storage = sessionStorage,
  fetchImpl: typeof fetch = fetch,
): Promise<SignedInTokens> => {
  const params = new URL(callbackUrl).searchParams;
  const pending = JSON.parse(storage.getItem(PENDING_KEY) ?? "null") as {
    verifier: string;
    state: string;
  } | null;
  storage.removeItem(PENDING_KEY);
  const code = params.get("code");
  if (params.get("error")) throw new Error(params.get("error_description") ?? "sign-in failed");
  if (pending === null || code === null || params.get("state") !== pending.state)
    throw new Error("sign-in callback does not match a sign-in started here");
  return postToTokenEndpoint(
    config,
    new URLSearchParams({
      grant_type: "authorization_code",
      client_id: config.clientId,
      code,
      redirect_uri: redirectUri(config, origin),
      code_verifier: pending.verifier,
    }),
    fetchImpl,
  );
};

/** A new id token for a refresh token (Cognito's refresh flow; a public client sends no secret). */
export const refreshIdToken = async (
  config: CognitoConfig,
  refreshToken: string,
  fetchImpl: typeof fetch = fetch,
): Promise<string> =>
  (
    await postToTokenEndpoint(
      config,
      new URLSearchParams({
        grant_type: "refresh_token",
        client_id: config.clientId,
        refresh_token: refreshToken,
      }),
      fetchImpl,
    )
  ).idToken;

/** Cognito's logout endpoint, which clears the hosted UI's own session too. */
export const signOutUrl = (config: CognitoConfig, origin: string = location.origin): string =>
  `https://${config.domain}/logout?${new URLSearchParams({ client_id: config.clientId, logout_uri: `${origin}/` })}`;
