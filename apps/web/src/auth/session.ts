export type Role = "owner" | "producer" | "admin";

/** Who is signed in, read from the bearer token's claims (display only: the API verifies it). */
export interface Session {
  readonly token: string;
  readonly sub: string;
  readonly role: Role;
  readonly name?: string;
  /** When the token expires (ms since the epoch), if it says. */
  readonly expiresAt?: number;
}

const ROLES: readonly Role[] = ["owner", "producer", "admin"];
const STORAGE_KEY = "owners.session";

const base64UrlDecode = (part: string): string => {
  const base64 = part.replace(/-/g, "+").replace(/_/g, "/");
  const binary = atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, "="));
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
};

/** The role groups of `cognito:groups`, highest first (apps/api/src/http/auth.ts decides the same). */
const GROUP_ROLES: readonly (readonly [string, Role])[] = [
  ["admins", "admin"],
  ["producers", "producer"],
  ["owners", "owner"],
];

/**
 * The session a token stands for: `role` (dev login), else the highest role group in
 * `cognito:groups`; a Cognito token in no group is an owner's (as the API reads it).
 */
export const sessionFromToken = (token: string): Session | undefined => {
  try {
    const claims = JSON.parse(base64UrlDecode(token.split(".")[1] ?? "")) as Record<
      string,
      unknown
    >;
    const groups = Array.isArray(claims["cognito:groups"]) ? claims["cognito:groups"] : [];
    const cognito = typeof claims.iss === "string" && claims.iss.includes("cognito-idp");
    const role =
      ROLES.find((r) => r === claims.role) ??
      GROUP_ROLES.find(([group]) => groups.includes(group))?.[1] ??
      (cognito ? "owner" : undefined);
    const exp = typeof claims.exp === "number" ? claims.exp : undefined;
    if (typeof claims.sub !== "string" || role === undefined) return undefined;
    if (exp !== undefined && exp * 1000 < Date.now()) return undefined;
    const name = typeof claims.name === "string" ? claims.name : undefined;
    return {
      token,
      sub: claims.sub,
      role,
      ...(name === undefined ? {} : { name }),
      ...(exp === undefined ? {} : { expiresAt: exp * 1000 }),
    };
  } catch {
    return undefined;
  }
};

/**
 * The token lives in sessionStorage: this tab only, gone when it closes, never shared with other
 * tabs or left on the disk for the next person (localStorage kept it for good). A token an older
 * build left in localStorage is removed on load.
 */
export const loadSession = (): Session | undefined => {
  globalThis.localStorage?.removeItem(STORAGE_KEY);
  const token = globalThis.sessionStorage?.getItem(STORAGE_KEY);
  return token ? sessionFromToken(token) : undefined;
};

export const storeSession = (session: Session | undefined): void => {
  if (session === undefined) globalThis.sessionStorage?.removeItem(STORAGE_KEY);
  else globalThis.sessionStorage?.setItem(STORAGE_KEY, session.token);
};
