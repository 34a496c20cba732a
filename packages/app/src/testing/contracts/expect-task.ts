import * as E from "fp-ts/lib/Either.js";
import type * as TE from "fp-ts/lib/TaskEither.js";
import type { AppError } from "../../errors.ts";
import type { Page, PageRequest } from "../../pagination.ts";

/** Runs a task that must succeed and returns its value. */
export const succeed = async <A>(task: TE.TaskEither<AppError, A>): Promise<A> => {
  const result = await task();
  if (E.isLeft(result))
    throw new Error(`expected success, got ${result.left._tag}: ${result.left.message}`);
  return result.right;
};

/** Runs a task that must fail and returns its error. */
export const failWith = async <A>(task: TE.TaskEither<AppError, A>): Promise<AppError> => {
  const result = await task();
  if (E.isRight(result)) throw new Error(`expected a failure, got ${JSON.stringify(result.right)}`);
  return result.left;
};

/** Follows a paged list to its end with pages of `limit`; returns the items and the page count. */
export const collectPages = async <T>(
  list: (page: PageRequest) => TE.TaskEither<AppError, Page<T>>,
  limit: number,
): Promise<{ items: T[]; pages: number }> => {
  const items: T[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await succeed(list(cursor === undefined ? { limit } : { limit, cursor }));
    items.push(...page.items);
    cursor = page.nextCursor;
    pages += 1;
    if (pages > 10_000) throw new Error("pagination does not end");
  } while (cursor !== undefined);
  return { items, pages };
};

/** A cursor altered the way a client might try: one character of its payload changed. */
export const tamper = (cursor: string): string => {
  const flipped = cursor[0] === "A" ? "B" : "A";
  return `${flipped}${cursor.slice(1)}`;
};
