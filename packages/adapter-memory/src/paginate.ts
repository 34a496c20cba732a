import type { AppError, CursorCodec } from "@owners/app";
import { clampLimit, type Page, type PageRequest } from "@owners/app";
import * as E from "fp-ts/lib/Either.js";

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
  let after: string | undefined;
  if (page.cursor !== undefined) {
    const decoded = codec.decode(page.cursor, scope);
    if (E.isLeft(decoded)) return decoded;
    if (typeof decoded.right.after !== "string")
      return codec.decode("", scope) as E.Either<AppError, never>;
    after = decoded.right.after;
  }
  const remaining =
    after === undefined
      ? ordered
      : ordered.filter((item) =>
          descending ? sortKeyOf(item) < (after as string) : sortKeyOf(item) > (after as string),
        );
  const items = remaining.slice(0, limit);
  const last = items.at(-1);
  return E.right(
    remaining.length > limit && last !== undefined
      ? { items, nextCursor: codec.encode({ after: sortKeyOf(last) }, scope) }
      : { items },
  );
};
