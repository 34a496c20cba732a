/** The stack outputs the site needs (see OwnersStack's CfnOutputs). */
export interface SiteOutputs {
  readonly SiteUrl: string;
  readonly CognitoDomain: string;
  readonly UserPoolClientId: string;
}

/** apps/web's config.json (apps/web/src/config.ts RuntimeConfig) for a deployed stage. */
export interface SiteConfig {
  readonly apiBase: "/api";
  readonly auth: { readonly cognito: { readonly domain: string; readonly clientId: string } };
  readonly photoBase: string;
}

const need = (outputs: Readonly<Record<string, unknown>>, key: keyof SiteOutputs): string => {
  const value = outputs[key];
  if (typeof value !== "string" || value === "") throw new Error(`stack output ${key} is missing`);
  return value;
};

/**
 * The site's runtime config from a stage's outputs: the API on the same origin (/api), the
 * hosted UI's host name (the output is its https URL), photos under the site's /uploads/*.
 */
export const siteConfigOf = (outputs: Readonly<Record<string, unknown>>): SiteConfig => {
  const site = need(outputs, "SiteUrl").replace(/\/+$/, "");
  return {
    apiBase: "/api",
    auth: {
      cognito: {
        domain: new URL(need(outputs, "CognitoDomain")).host,
        clientId: need(outputs, "UserPoolClientId"),
      },
    },
    photoBase: site,
  };
};
