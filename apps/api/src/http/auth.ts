import type { Actor, Role } from "@owners/app";
import type { createLocalJWKSet, JWTPayload, JWTVerifyGetKey } from "jose";

/**
 * jose loads with the first bearer token: public reads (most cold starts) never need it, so it
 * stays out of the Lambda's start-up chunk. The promise is shared: one import per process.
 */
let joseModule: Promise<typeof import("./jose-functions.ts")> | undefined;
const loadJose = (): Promise<typeof import("./jose-functions.ts")> => {
  joseModule ??= import("./jose-functions.ts");
  return joseModule;
};

/** How bearer tokens are verified: a shared secret locally, the user pool's JWKS in AWS. */
export type TokenVerification =
  | { readonly kind: "hs256"; readonly secret: string; readonly issuer: string }
  | {
      readonly kind: "jwks";
      readonly issuer: string;
      readonly audience?: string;
      /** A JWKS URL (Cognito: `<issuer>/.well-known/jwks.json`) or the key set itself (tests). */
      readonly jwks: string | { keys: JsonWebKeyWithKid[] };
    };

interface JsonWebKeyWithKid {
  readonly kid?: string;
  readonly [member: string]: unknown;
}

const ROLES: readonly Role[] = ["producer", "owner", "admin"];
const isRole = (value: unknown): value is Role =>
  typeof value === "string" && (ROLES as readonly string[]).includes(value);

/** Dev tokens carry `role`; Cognito tokens carry the role as a group in `cognito:groups`. */
const roleOf = (payload: JWTPayload): Role | undefined => {
  if (isRole(payload.role)) return payload.role;
  const groups = payload["cognito:groups"];
  if (Array.isArray(groups)) return ROLES.find((role) => groups.includes(role));
  return undefined;
};

export type VerifyToken = (token: string) => Promise<Actor | undefined>;

/** The verification key; a remote JWKS is built once and caches the keys it fetches. */
const keyFor = async (verification: TokenVerification): Promise<Uint8Array | JWTVerifyGetKey> => {
  if (verification.kind === "hs256") return new TextEncoder().encode(verification.secret);
  const { createLocalJWKSet, createRemoteJWKSet } = await loadJose();
  return typeof verification.jwks === "string"
    ? createRemoteJWKSet(new URL(verification.jwks))
    : createLocalJWKSet(verification.jwks as Parameters<typeof createLocalJWKSet>[0]);
};

export const makeTokenVerifier = (verification: TokenVerification): VerifyToken => {
  let key: Promise<Uint8Array | JWTVerifyGetKey> | undefined;
  return async (token) => {
    try {
      key ??= keyFor(verification);
      const { jwtVerify } = await loadJose();
      const { payload } = await jwtVerify(token, (await key) as Uint8Array, {
        issuer: verification.issuer,
        ...(verification.kind === "jwks" && verification.audience !== undefined
          ? { audience: verification.audience }
          : {}),
        algorithms: verification.kind === "hs256" ? ["HS256"] : ["RS256"],
      });
      const role = roleOf(payload);
      if (payload.sub === undefined || role === undefined) return undefined;
      const name = typeof payload.name === "string" ? payload.name : undefined;
      return name === undefined ? { id: payload.sub, role } : { id: payload.sub, role, name };
    } catch {
      return undefined;
    }
  };
};

/** Issues a local token (dev login only). */
export const signDevToken = async (
  actor: Actor,
  secret: string,
  issuer: string,
  ttlSeconds = 12 * 3600,
): Promise<string> => {
  const { SignJWT } = await loadJose();
  return new SignJWT({
    role: actor.role,
    ...(actor.name !== undefined ? { name: actor.name } : {}),
  })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(actor.id)
    .setIssuer(issuer)
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(new TextEncoder().encode(secret));
};
