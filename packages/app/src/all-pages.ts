import * as E from "fp-ts/lib/Either.js";
import type * as TE from "fp-ts/lib/TaskEither.js";
import type { AppError } from "./errors.ts";
import { MAX_PAGE_LIMIT, type Page, type PageRequest } from "./pagination.ts";

/**
 * Every item of a paged list, following cursors to the end (batches reading a whole plan). Loops
 * instead of recursing, so a list of 100k items is a thousand awaited reads, not a deep chain.
 */
export const allPages =
  <T>(
    list: (page: PageRequest) => TE.TaskEither<AppError, Page<T>>,
  ): TE.TaskEither<AppError, T[]> =>
  async () => {
    const items: T[] = [];
    let cursor: string | undefined;
    do {
      const page = await list(
        cursor === undefined ? { limit: MAX_PAGE_LIMIT } : { limit: MAX_PAGE_LIMIT, cursor },
      )();
      if (E.isLeft(page)) return page;
      items.push(...page.right.items);
      cursor = page.right.nextCursor;
    } while (cursor !== undefined);
    return E.right(items);
  };

/** Runs `step` on each item in order, stopping at the first failure. */
export const eachInOrder =
  <T, A>(
    items: readonly T[],
    step: (item: T, index: number) => TE.TaskEither<AppError, A>,
  ): TE.TaskEither<AppError, A[]> =>
  async () => {
    const results: A[] = [];
    for (const [index, item] of items.entries()) {
      const result = await step(item, index)();
      if (E.isLeft(result)) return result;
      results.push(result.right);
    }
    return E.right(results);
  };
