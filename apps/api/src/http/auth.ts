import type { Actor, Role } from "@owners/app";
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  type JWTPayload,
  type JWTVerifyGetKey,
  jwtVerify,
  SignJWT,
} from "jose";

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

export const makeTokenVerifier = (verification: TokenVerification): VerifyToken => {
  const key: Uint8Array | JWTVerifyGetKey =
    verification.kind === "hs256"
      ? new TextEncoder().encode(verification.secret)
      : typeof verification.jwks === "string"
        ? createRemoteJWKSet(new URL(verification.jwks))
        : createLocalJWKSet(verification.jwks as Parameters<typeof createLocalJWKSet>[0]);
  return async (token) => {
    try {
      const { payload } = await jwtVerify(token, key as Uint8Array, {
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
): Promise<string> =>
  new SignJWT({ role: actor.role, ...(actor.name !== undefined ? { name: actor.name } : {}) })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(actor.id)
    .setIssuer(issuer)
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(new TextEncoder().encode(secret));
