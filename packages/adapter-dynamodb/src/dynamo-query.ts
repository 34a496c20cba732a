import { QueryCommand, type QueryCommandInput } from "@aws-sdk/lib-dynamodb";
import {
  type AppError,
  appError,
  clampLimit,
  DEFAULT_LIST_READ_BUDGET,
  type Page,
  type PageRequest,
} from "@owners/app";
import * as E from "fp-ts/lib/Either.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { DynamoContext } from "./client.ts";
import { storeUnavailable } from "./dynamo-errors.ts";
import type { Item } from "./item.ts";

/** A query without its table, start key or limit: what one list operation asks. */
export type QuerySpec = Omit<QueryCommandInput, "TableName" | "ExclusiveStartKey" | "Limit">;

/** Runs `send` (the client retries throttling); any exception becomes STORE.UNAVAILABLE. */
export const attempt = <A>(send: () => Promise<A>): TE.TaskEither<AppError, A> =>
  TE.tryCatch(send, storeUnavailable);

/** The attributes a query's LastEvaluatedKey has: the table keys plus the index keys. */
export const startKeyAttributes = (indexName: string | undefined): readonly string[] =>
  indexName === undefined ? ["PK", "SK"] : ["PK", "SK", `${indexName}PK`, `${indexName}SK`];

const invalidCursor = () =>
  appError("PAGINATION.INVALID_CURSOR", "the cursor is not one this API issued for this list");

const decodeStartKey = (
  ctx: DynamoContext,
  cursor: string,
  scope: string,
  attributes: readonly string[],
): E.Either<AppError, Item> => {
  const decoded = ctx.cursors.decode(cursor, scope);
  if (E.isLeft(decoded)) return decoded;
  const key = decoded.right;
  const names = Object.keys(key).sort();
  const wellFormed =
    names.length === attributes.length &&
    [...attributes].sort().every((name, i) => names[i] === name && typeof key[name] === "string");
  return wellFormed ? E.right(key) : E.left(invalidCursor());
};

/**
 * One page of a query. It asks for one item more than the page holds, so the page knows whether
 * anything follows (no cursor on the last page). With a FilterExpression each read examines
 * `itemsPerRead` items (Limit counts before the filter) and a page makes at most `readsPerRequest`
 * reads: a rare value never reads a whole partition in one request. A page that runs out of reads
 * returns what it found, maybe nothing, and a cursor at the last key examined, so the next request
 * carries on there. The cursor is signed by the CursorCodec for `scope` (the query and its
 * parameters): tamper-evident, and useless for any other list.
 */
export const queryPage = <T>(
  ctx: DynamoContext,
  spec: QuerySpec,
  page: PageRequest,
  scope: string,
  fromItem: (item: Item) => T,
): TE.TaskEither<AppError, Page<T>> => {
  const limit = clampLimit(page.limit);
  const budget = ctx.listBudget ?? DEFAULT_LIST_READ_BUDGET;
  const attributes = startKeyAttributes(spec.IndexName);
  const start =
    page.cursor === undefined
      ? E.right(undefined)
      : decodeStartKey(ctx, page.cursor, scope, attributes);
  if (E.isLeft(start)) return TE.left(start.left);
  const filtered = spec.FilterExpression !== undefined;
  const cursorAt = (key: Item) =>
    ctx.cursors.encode(Object.fromEntries(attributes.map((name) => [name, key[name]])), scope);
  return attempt(async () => {
    const found: Item[] = [];
    let startKey: Item | undefined = start.right;
    let reads = 0;
    do {
      const output = await ctx.doc.send(
        new QueryCommand({
          ...spec,
          TableName: ctx.tableName,
          Limit: filtered ? budget.itemsPerRead : limit + 1 - found.length,
          ...(startKey === undefined ? {} : { ExclusiveStartKey: startKey }),
        }),
      );
      reads += 1;
      found.push(...((output.Items ?? []) as Item[]));
      startKey = output.LastEvaluatedKey as Item | undefined;
    } while (found.length <= limit && startKey !== undefined && reads < budget.readsPerRequest);
    const items = found.slice(0, limit);
    const last = items.at(-1);
    if (found.length > limit && last !== undefined)
      return { items: items.map(fromItem), nextCursor: cursorAt(last) };
    // Out of reads before the page filled: carry on from the last key examined.
    if (startKey !== undefined)
      return { items: items.map(fromItem), nextCursor: cursorAt(startKey) };
    return { items: items.map(fromItem) };
  });
};

/** Every item a query returns, following LastEvaluatedKey to the end (bounded lists only). */
export const queryAll = (ctx: DynamoContext, spec: QuerySpec): TE.TaskEither<AppError, Item[]> =>
  attempt(async () => {
    const found: Item[] = [];
    let startKey: Item | undefined;
    do {
      const output = await ctx.doc.send(
        new QueryCommand({
          ...spec,
          TableName: ctx.tableName,
          ...(startKey === undefined ? {} : { ExclusiveStartKey: startKey }),
        }),
      );
      found.push(...((output.Items ?? []) as Item[]));
      startKey = output.LastEvaluatedKey as Item | undefined;
    } while (startKey !== undefined);
    return found;
  });
