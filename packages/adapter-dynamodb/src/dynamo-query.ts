import { QueryCommand, type QueryCommandInput } from "@aws-sdk/lib-dynamodb";
import { type AppError, appError, clampLimit, type Page, type PageRequest } from "@owners/app";
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
 * anything follows (no cursor on the last page); with a FilterExpression it keeps reading until
 * the page is full or the partition ends. The cursor is the key of the last item returned, signed
 * by the CursorCodec for `scope` (the query and its parameters): tamper-evident, and useless for
 * any other list.
 */
export const queryPage = <T>(
  ctx: DynamoContext,
  spec: QuerySpec,
  page: PageRequest,
  scope: string,
  fromItem: (item: Item) => T,
): TE.TaskEither<AppError, Page<T>> => {
  const limit = clampLimit(page.limit);
  const attributes = startKeyAttributes(spec.IndexName);
  const start =
    page.cursor === undefined
      ? E.right(undefined)
      : decodeStartKey(ctx, page.cursor, scope, attributes);
  if (E.isLeft(start)) return TE.left(start.left);
  const filtered = spec.FilterExpression !== undefined;
  return attempt(async () => {
    const found: Item[] = [];
    let startKey: Item | undefined = start.right;
    do {
      const wanted = limit + 1 - found.length;
      const output = await ctx.doc.send(
        new QueryCommand({
          ...spec,
          TableName: ctx.tableName,
          Limit: filtered ? Math.max(wanted, 100) : wanted,
          ...(startKey === undefined ? {} : { ExclusiveStartKey: startKey }),
        }),
      );
      found.push(...((output.Items ?? []) as Item[]));
      startKey = output.LastEvaluatedKey as Item | undefined;
    } while (found.length <= limit && startKey !== undefined);
    const items = found.slice(0, limit);
    const last = items.at(-1);
    if (found.length <= limit || last === undefined) return { items: items.map(fromItem) };
    const position = Object.fromEntries(attributes.map((name) => [name, last[name]]));
    return { items: items.map(fromItem), nextCursor: ctx.cursors.encode(position, scope) };
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
