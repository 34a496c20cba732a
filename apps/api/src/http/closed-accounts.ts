import { type Actor, type AppError, accountNotFound } from "@owners/app";
import * as E from "fp-ts/lib/Either.js";
import type * as TE from "fp-ts/lib/TaskEither.js";
import type { Context, MiddlewareHandler } from "hono";
import type { ApiEnv } from "./env.ts";
import { problemFor } from "./respond.ts";

/** What the API asks of the closure tombstones (AccountClosures and the privacy use cases). */
export interface ClosedAccounts {
  /** Whether the person's account is closed: a strongly consistent read of its tombstone. */
  readonly isClosed: (personId: string) => TE.TaskEither<AppError, boolean>;
  /** Erases again what is held about a person whose account is closed (eraseAfterClosure). */
  readonly eraseAgain: (personId: string) => TE.TaskEither<AppError, unknown>;
}

/** Methods that change nothing: they are answered without reading the tombstone. */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Closed accounts this process has seen: a closure is final, so the memory never goes stale. */
const MAX_REMEMBERED = 10_000;

/** `DELETE /me` (with or without the /api prefix): the closure, which erases on its own. */
const isClosure = (c: Context<ApiEnv>) =>
  c.req.method === "DELETE" && /^(?:\/api)?\/me\/?$/.test(c.req.path);

/**
 * Makes an account's closure final for the tokens it leaves behind. Deleting the identity
 * provider's user does not revoke them (they stay valid until they expire, up to an hour), so
 * every request carrying one meets ACCOUNT.NOT_FOUND, the answer the export and a second
 * deletion already gave a closed account:
 *
 * - A write (any method but GET/HEAD/OPTIONS) reads the tombstone first and is refused when it is
 *   there: no write stores a closed person's data. Reads do not pay that read (the public and
 *   flash-sale paths are latency-sensitive): what they could show is erased anyway. They are
 *   refused once this process knows of the closure (it remembers every closure it saw).
 * - A write that raced the closure (checked while open, stored after the erasure) is caught by a
 *   second read after it: if the account closed meanwhile, the person's data is erased again and
 *   the answer is ACCOUNT.NOT_FOUND. deleteAccount also erases again after recording the
 *   tombstone, so a write whose second read came first is erased by that pass.
 */
export const closedAccountGate = (accounts: ClosedAccounts): MiddlewareHandler<ApiEnv> => {
  const known = new Set<string>();
  const remember = (personId: string) => {
    if (known.size >= MAX_REMEMBERED) known.clear();
    known.add(personId);
  };
  const refuse = (c: Context<ApiEnv>, actor: Actor) => problemFor(c, accountNotFound(actor.id));

  return async (c, next) => {
    const actor = c.get("actor");
    if (actor === undefined) return next();
    if (known.has(actor.id)) return refuse(c, actor);
    if (SAFE_METHODS.has(c.req.method)) return next();

    const before = await accounts.isClosed(actor.id)();
    if (E.isLeft(before)) return problemFor(c, before.left);
    if (before.right) {
      remember(actor.id);
      return refuse(c, actor);
    }

    await next();
    if (c.res.status >= 400) return;
    if (isClosure(c)) {
      remember(actor.id);
      return;
    }
    const after = await accounts.isClosed(actor.id)();
    if (E.isLeft(after)) {
      // The write is done and only its race check failed: logged, the answer stands.
      c.get("log")?.error({ code: after.left._tag }, "closure check after a write failed");
      return;
    }
    if (!after.right) return;
    remember(actor.id);
    const erased = await accounts.eraseAgain(actor.id)();
    c.res = undefined;
    c.res = E.isLeft(erased) ? problemFor(c, erased.left) : refuse(c, actor);
  };
};
