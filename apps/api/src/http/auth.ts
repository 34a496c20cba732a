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

/** A Cognito user pool whose tokens the API accepts. */
export interface JwksPool {
  readonly issuer: string;
  readonly audience?: string;
  /** A JWKS URL (Cognito: `<issuer>/.well-known/jwks.json`) or the key set itself (tests). */
  readonly jwks: string | { keys: JsonWebKeyWithKid[] };
}

/**
 * How bearer tokens are verified: a shared secret locally (dev login), user pools' JWKS in AWS.
 * In AWS the people's pool gives owners and producers; admins come only from their own pool
 * (`admin`), whose sign-in requires MFA, so a people's token can never carry the admin role.
 */
export type TokenVerification =
  | { readonly kind: "hs256"; readonly secret: string; readonly issuer: string }
  | (JwksPool & { readonly kind: "jwks"; readonly admin?: JwksPool });

interface JsonWebKeyWithKid {
  readonly kid?: string;
  readonly [member: string]: unknown;
}

const ROLES: readonly Role[] = ["producer", "owner", "admin"];
const isRole = (value: unknown): value is Role =>
  typeof value === "string" && (ROLES as readonly string[]).includes(value);

/** The identity provider's groups, by the role each gives (highest first). */
const GROUP_ROLES: readonly (readonly [group: string, role: Role])[] = [
  ["admins", "admin"],
  ["producers", "producer"],
  ["owners", "owner"],
];

/**
 * A person's role from their groups: the highest one they are in; a person in none is an owner
 * (everyone who confirmed sign-up is one, even if the trigger that files them failed). `admins`
 * counts only where `allowAdmin` (the admins' own pool, or the local directory).
 */
export const roleFromGroups = (groups: readonly string[], allowAdmin = true): Role =>
  GROUP_ROLES.find(
    ([group, role]) => groups.includes(group) && (allowAdmin || role !== "admin"),
  )?.[1] ?? "owner";

const groupsOf = (payload: JWTPayload): string[] => {
  const groups = payload["cognito:groups"];
  return Array.isArray(groups) ? groups.filter((g): g is string => typeof g === "string") : [];
};

export type VerifyToken = (token: string) => Promise<Actor | undefined>;

type Key = Uint8Array | JWTVerifyGetKey;

/** The verification key; a remote JWKS is built once and caches the keys it fetches. */
const jwksKey = async (pool: JwksPool): Promise<Key> => {
  const { createLocalJWKSet, createRemoteJWKSet } = await loadJose();
  return typeof pool.jwks === "string"
    ? createRemoteJWKSet(new URL(pool.jwks))
    : createLocalJWKSet(pool.jwks as Parameters<typeof createLocalJWKSet>[0]);
};

/** Verifies a token against one issuer and key; the payload, or undefined. */
const verifyWith = async (
  token: string,
  key: Key,
  issuer: string,
  audience: string | undefined,
  algorithm: "HS256" | "RS256",
): Promise<JWTPayload | undefined> => {
  const { jwtVerify } = await loadJose();
  try {
    const { payload } = await jwtVerify(token, key as Uint8Array, {
      issuer,
      ...(audience === undefined ? {} : { audience }),
      algorithms: [algorithm],
    });
    return payload;
  } catch {
    return undefined;
  }
};

const actorOf = (payload: JWTPayload, role: Role | undefined): Actor | undefined => {
  if (payload.sub === undefined || role === undefined) return undefined;
  const name = typeof payload.name === "string" ? payload.name : undefined;
  return name === undefined ? { id: payload.sub, role } : { id: payload.sub, role, name };
};

/** The unverified `iss` of a token: only to pick which pool's key to verify it with. */
const issuerOf = (token: string): string | undefined => {
  try {
    const body = token.split(".")[1];
    if (body === undefined) return undefined;
    const iss: unknown = JSON.parse(Buffer.from(body, "base64url").toString("utf8")).iss;
    return typeof iss === "string" ? iss : undefined;
  } catch {
    return undefined;
  }
};

/**
 * Dev tokens (hs256) carry the role as a `role` claim, which only dev login can sign. Cognito
 * tokens: the role comes from `cognito:groups` alone (a `role` claim is ignored); the people's
 * pool gives owner or producer, the admins' pool admin (its members in `admins`).
 */
export const makeTokenVerifier = (verification: TokenVerification): VerifyToken => {
  if (verification.kind === "hs256") {
    const key = new TextEncoder().encode(verification.secret);
    return async (token) => {
      const payload = await verifyWith(token, key, verification.issuer, undefined, "HS256");
      return payload === undefined
        ? undefined
        : actorOf(payload, isRole(payload.role) ? payload.role : undefined);
    };
  }
  const pools = [
    { pool: verification as JwksPool, admin: false },
    ...(verification.admin === undefined ? [] : [{ pool: verification.admin, admin: true }]),
  ].map((entry) => ({ ...entry, key: undefined as Promise<Key> | undefined }));
  return async (token) => {
    const iss = issuerOf(token);
    const entry = pools.find((p) => p.pool.issuer === iss);
    if (entry === undefined) return undefined;
    try {
      entry.key ??= jwksKey(entry.pool);
      const payload = await verifyWith(
        token,
        await entry.key,
        entry.pool.issuer,
        entry.pool.audience,
        "RS256",
      );
      if (payload === undefined) return undefined;
      const groups = groupsOf(payload);
      return actorOf(
        payload,
        entry.admin
          ? groups.includes("admins")
            ? "admin"
            : undefined
          : roleFromGroups(groups, false),
      );
    } catch {
      entry.key = undefined;
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
