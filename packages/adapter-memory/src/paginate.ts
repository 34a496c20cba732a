import type { AppError, CursorCodec, ListReadBudget } from "@owners/app";
import { clampLimit, type Page, type PageRequest } from "@owners/app";
import * as E from "fp-ts/lib/Either.js";

/** The items after the cursor's position (all of them without a cursor). */
const after = <T>(
  ordered: readonly T[],
  sortKeyOf: (item: T) => string,
  page: PageRequest,
  codec: CursorCodec,
  scope: string,
  descending: boolean,
): E.Either<AppError, readonly T[]> => {
  if (page.cursor === undefined) return E.right(ordered);
  const decoded = codec.decode(page.cursor, scope);
  if (E.isLeft(decoded)) return decoded;
  const position = decoded.right.after;
  if (typeof position !== "string") return codec.decode("", scope) as E.Either<AppError, never>;
  return E.right(
    ordered.filter((item) =>
      descending ? sortKeyOf(item) < position : sortKeyOf(item) > position,
    ),
  );
};

/**
 * Pages over an index with a filter the way the DynamoDB adapter pages over a Query with a
 * FilterExpression: one request examines at most `itemsPerRead × readsPerRequest` items of the
 * index, and a page that runs out of budget returns what it found (maybe nothing) with a cursor at
 * the last item examined.
 */
export const paginateFiltered = <T>(
  index: readonly T[],
  keep: (item: T) => boolean,
  sortKeyOf: (item: T) => string,
  page: PageRequest,
  codec: CursorCodec,
  scope: string,
  budget: ListReadBudget,
  descending = false,
): E.Either<AppError, Page<T>> => {
  const limit = clampLimit(page.limit);
  const rest = after(index, sortKeyOf, page, codec, scope, descending);
  if (E.isLeft(rest)) return rest;
  const examined = rest.right.slice(0, budget.itemsPerRead * budget.readsPerRequest);
  const found: T[] = [];
  let scanned = 0;
  for (const item of examined) {
    if (found.length > limit) break;
    scanned += 1;
    if (keep(item)) found.push(item);
  }
  const items = found.slice(0, limit);
  const last = items.at(-1);
  const cursorAt = (item: T) => codec.encode({ after: sortKeyOf(item) }, scope);
  if (found.length > limit && last !== undefined)
    return E.right({ items, nextCursor: cursorAt(last) });
  const stoppedAt = examined[scanned - 1];
  return E.right(
    scanned < rest.right.length && stoppedAt !== undefined
      ? { items, nextCursor: cursorAt(stoppedAt) }
      : { items },
  );
};

/**
 * Pages over an already ordered list the way the DynamoDB adapter pages over a Query: the cursor
 * carries the sort key of the last item returned, so items added meanwhile neither repeat nor vanish.
 */
export const paginate = <T>(
  ordered: readonly T[],
  sortKeyOf: (item: T) => string,
  page: PageRequest,
  codec: CursorCodec,
  scope: string,
  descending = false,
): E.Either<AppError, Page<T>> => {
  const limit = clampLimit(page.limit);
  const rest = after(ordered, sortKeyOf, page, codec, scope, descending);
  if (E.isLeft(rest)) return rest;
  const remaining = rest.right;
  const items = remaining.slice(0, limit);
  const last = items.at(-1);
  return E.right(
    remaining.length > limit && last !== undefined
      ? { items, nextCursor: codec.encode({ after: sortKeyOf(last) }, scope) }
      : { items },
  );
};
