import {
  AdminGetUserCommand,
  type AttributeType,
  type CognitoIdentityProviderClient,
  ListUsersCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { type AppError, appError } from "@owners/app";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { LRUCache } from "lru-cache";
import type { RecipientDirectory } from "./recipient-directory.ts";
import { causeOf } from "./ses-errors.ts";

export interface CognitoRecipientDirectoryConfig {
  readonly client: CognitoIdentityProviderClient;
  readonly userPoolId: string;
  /** Recipients remembered at once (least recently used dropped first); 5,000 by default. */
  readonly cacheSize?: number;
  /**
   * How long an answer (address or none) is reused; 15 minutes by default. Bounded so that a
   * changed or newly verified address is picked up by a warm Lambda too.
   */
  readonly cacheTtlMs?: number;
}

const DEFAULT_CACHE_SIZE = 5_000;
const DEFAULT_CACHE_TTL_MS = 15 * 60_000;

/** An entry of the cache: lru-cache holds no undefined, so "no address" is stored as such. */
interface Answer {
  readonly email: string | undefined;
}

const attribute = (attributes: readonly AttributeType[] | undefined, name: string) =>
  attributes?.find((a) => a.Name === name)?.Value;

/** The address only when Cognito says it is verified: never mail an address nobody proved. */
const verifiedEmail = (attributes: readonly AttributeType[] | undefined): string | undefined =>
  attribute(attributes, "email_verified") === "true" ? attribute(attributes, "email") : undefined;

/** ListUsers filter value: a quoted string, with `"` and `\` escaped by a backslash. */
const quoted = (value: string) => `"${value.replace(/["\\]/g, (c) => `\\${c}`)}"`;

const isNamed = (error: unknown, ...names: string[]) =>
  error instanceof Error && names.includes(error.name);

/** Errors about this one recipient id: answered as "nobody", never as a directory outage. */
const NOT_THIS_USER = ["UserNotFoundException", "InvalidParameterException"];

/**
 * The RecipientDirectory on a Cognito user pool. A recipient id is the `sub` of the user's token
 * (apps/api/src/http/auth.ts makes `sub` the actor id).
 *
 * - AdminGetUser with Username = the sub: Cognito accepts a local user's sub there, and in pools
 *   whose sign-in is by email or phone the username is the sub itself. The answer's own `sub` is
 *   checked, so an alias that happens to equal someone's sub never answers for them.
 * - When that finds nobody (a user from a federated IdP, whose username is `<provider>_<id>`, is
 *   not found by sub): ListUsers with the filter `sub = "<id>"`, which matches every kind of user.
 * - Returns `email` only when `email_verified` is "true".
 * - An id Cognito rejects as a parameter is answered "no address", so one odd id can never look
 *   like an outage and stop the flush; throttling, 5xx and network errors are NOTIFY.UNAVAILABLE.
 *
 * Answers (including "no address") are cached in memory per process, i.e. for the life of a warm
 * Lambda, bounded in size and age: a flush sends many messages to the same owners.
 */
export const makeCognitoRecipientDirectory = (
  config: CognitoRecipientDirectoryConfig,
): RecipientDirectory => {
  const { client, userPoolId } = config;
  const cache = new LRUCache<string, Answer>({
    max: config.cacheSize ?? DEFAULT_CACHE_SIZE,
    ttl: config.cacheTtlMs ?? DEFAULT_CACHE_TTL_MS,
  });

  const byUsername = async (sub: string): Promise<Answer | undefined> => {
    try {
      const user = await client.send(
        new AdminGetUserCommand({ UserPoolId: userPoolId, Username: sub }),
      );
      if (attribute(user.UserAttributes, "sub") !== sub) return undefined;
      return { email: verifiedEmail(user.UserAttributes) };
    } catch (error) {
      if (isNamed(error, ...NOT_THIS_USER)) return undefined;
      throw error;
    }
  };

  const bySubFilter = async (sub: string): Promise<Answer> => {
    try {
      const found = await client.send(
        new ListUsersCommand({ UserPoolId: userPoolId, Filter: `sub = ${quoted(sub)}`, Limit: 1 }),
      );
      const user = found.Users?.find((u) => attribute(u.Attributes, "sub") === sub);
      return { email: verifiedEmail(user?.Attributes) };
    } catch (error) {
      if (isNamed(error, "InvalidParameterException")) return { email: undefined };
      throw error;
    }
  };

  const lookUp = async (recipientId: string): Promise<Answer> => {
    const cached = cache.get(recipientId);
    if (cached !== undefined) return cached;
    const answer = (await byUsername(recipientId)) ?? (await bySubFilter(recipientId));
    cache.set(recipientId, answer);
    return answer;
  };

  return {
    emailOf: (recipientId) =>
      TE.tryCatch(
        async () => O.fromNullable((await lookUp(recipientId)).email),
        (error): AppError =>
          appError(
            "NOTIFY.UNAVAILABLE",
            "the Cognito user pool could not be asked for an address",
            {
              recipientId,
              cause: causeOf(error),
            },
          ),
      ),
  };
};
