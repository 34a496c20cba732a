/** The stack outputs the site needs (see OwnersStack's CfnOutputs). */
export interface SiteOutputs {
  readonly CognitoDomain: string;
  readonly UserPoolClientId: string;
  /** The admins' pool (MFA required): the console signs in there. */
  readonly AdminCognitoDomain: string;
  readonly AdminUserPoolClientId: string;
}

/** apps/web's config.json (apps/web/src/config.ts RuntimeConfig) for a deployed stage. */
export interface SiteConfig {
  readonly apiBase: "/api";
  readonly auth: {
    readonly cognito: { readonly domain: string; readonly clientId: string };
    readonly adminCognito: { readonly domain: string; readonly clientId: string };
  };
}

const need = (outputs: Readonly<Record<string, unknown>>, key: keyof SiteOutputs): string => {
  const value = outputs[key];
  if (typeof value !== "string" || value === "") throw new Error(`stack output ${key} is missing`);
  return value;
};

/**
 * The site's runtime config from a stage's outputs: the API on the same origin (/api) and the
 * hosted UI's host name (the output is its https URL). Photos come as signed URLs from the API.
 */
export const siteConfigOf = (outputs: Readonly<Record<string, unknown>>): SiteConfig => {
  return {
    apiBase: "/api",
    auth: {
      cognito: {
        domain: new URL(need(outputs, "CognitoDomain")).host,
        clientId: need(outputs, "UserPoolClientId"),
      },
      adminCognito: {
        domain: new URL(need(outputs, "AdminCognitoDomain")).host,
        clientId: need(outputs, "AdminUserPoolClientId"),
      },
    },
  };
};
