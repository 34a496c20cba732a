/** Cognito hosted UI settings (AWS): the app client is public, so the code flow uses PKCE. */
export interface CognitoConfig {
  /** The hosted UI's domain, e.g. "owners-staging.auth.ap-northeast-1.amazoncognito.com". */
  readonly domain: string;
  readonly clientId: string;
  /** Where Cognito sends the browser back; `${origin}/auth/callback` when absent. */
  readonly redirectUri?: string;
  readonly scopes?: readonly string[];
}

/** `config.json`, served next to index.html so one build runs in every stage. */
export interface RuntimeConfig {
  /** Where the API answers, same origin in AWS (CloudFront routes /api/* to API Gateway). */
  readonly apiBase: string;
  readonly auth:
    | "dev"
    | {
        readonly cognito: CognitoConfig;
        /** The admins' own pool (MFA required): the console's sign-in. */
        readonly adminCognito?: CognitoConfig;
      };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const text = (value: unknown, name: string): string => {
  if (typeof value !== "string" || value === "") throw new Error(`config.json: ${name} is missing`);
  return value;
};

/** Checks the shape of config.json; a wrong file stops the app with a message naming the field. */
export const parseConfig = (raw: unknown): RuntimeConfig => {
  if (!isRecord(raw)) throw new Error("config.json: not an object");
  const apiBase = text(raw.apiBase, "apiBase").replace(/\/+$/, "");
  const base = { apiBase };
  if (raw.auth === "dev") return { ...base, auth: "dev" };
  if (isRecord(raw.auth) && isRecord(raw.auth.cognito)) {
    const pool = (c: Record<string, unknown>, name: string): CognitoConfig => {
      const scopes = Array.isArray(c.scopes) ? c.scopes.map(String) : undefined;
      return {
        domain: text(c.domain, `auth.${name}.domain`),
        clientId: text(c.clientId, `auth.${name}.clientId`),
        ...(typeof c.redirectUri === "string" ? { redirectUri: c.redirectUri } : {}),
        ...(scopes === undefined ? {} : { scopes }),
      };
    };
    const admin = raw.auth.adminCognito;
    return {
      ...base,
      auth: {
        cognito: pool(raw.auth.cognito, "cognito"),
        ...(isRecord(admin) ? { adminCognito: pool(admin, "adminCognito") } : {}),
      },
    };
  }
  throw new Error('config.json: auth must be "dev" or { "cognito": { domain, clientId } }');
};

export const loadConfig = async (fetchImpl: typeof fetch = fetch): Promise<RuntimeConfig> => {
  const response = await fetchImpl("/config.json", { cache: "no-store" });
  if (!response.ok) throw new Error(`config.json: HTTP ${response.status}`);
  return parseConfig(await response.json());
};
