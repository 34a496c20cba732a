import {
  type AttributeValue,
  type DynamoDBClient,
  GetItemCommand,
  ProvisionedThroughputExceededException,
  TransactionCanceledException,
  type TransactWriteItem,
  type WriteRequest,
} from "@aws-sdk/client-dynamodb";
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { itemSize, writeUnits } from "./item-size.ts";

type Key = Record<string, AttributeValue>;

export interface WriteUnitLimitOptions {
  /** Write units one item may spend a second (DynamoDB's per-item, i.e. per-partition, limit is 1,000). */
  readonly unitsPerSecond: number;
  /** Unused units an item keeps for a burst, in seconds of its rate (default 1). */
  readonly burstSeconds?: number;
  /**
   * A client on the same engine (the wrapped one by default: reads pass): an Update, Delete or ConditionCheck is charged the
   * size of the stored item as last known (a Put through this client, or a read through this one
   * in the background, redone after `sizeTtlMs`, 5 s by default); an item not known yet is
   * charged as 1 KB. Nothing is read before a write is decided, so a refusal costs no time.
   */
  readonly sizes?: DynamoDBClient;
  readonly sizeTtlMs?: number;
  /** The table's key attributes (the key of a Put is taken from its item). */
  readonly keyNames?: readonly string[];
  readonly now?: () => number;
}

export interface WriteUnitLimits {
  /** Off: nothing is counted or refused (a test's set-up runs unlimited). */
  enabled: boolean;
  /** Requests refused for throughput, never sent (their items spent nothing). */
  readonly throttled: () => number;
  /** Write units spent on one item since the start (the key as its attribute values). */
  readonly unitsSpent: (tableName: string, key: Key) => number;
  /** The item that spent the most units, and how many. */
  readonly hottest: () => { readonly item: string; readonly units: number } | undefined;
}

/** One item's bucket: refilled at the rate, capped at the burst. */
interface Bucket {
  tokens: number;
  at: number;
}

interface Charge {
  readonly item: string;
  readonly units: number;
}

const WRITES = new Set([
  "PutItemCommand",
  "UpdateItemCommand",
  "DeleteItemCommand",
  "TransactWriteItemsCommand",
  "BatchWriteItemCommand",
]);

const keyString = (tableName: string, key: Key): string =>
  `${tableName}|${Object.keys(key)
    .sort()
    .map((name) => `${name}=${JSON.stringify(key[name])}`)
    .join("|")}`;

const pick = (item: Key, names: readonly string[]): Key =>
  Object.fromEntries(names.flatMap((n) => (item[n] === undefined ? [] : [[n, item[n]]])));

/** One item a write touches: a new item (Put) or the key of a stored one. */
type Touch =
  | { readonly tableName: string; readonly key: Key; readonly item: Key }
  | { readonly tableName: string; readonly key: Key; readonly item?: undefined };

const transactTouch = (entry: TransactWriteItem, names: readonly string[]): Touch | undefined => {
  if (entry.Put?.Item !== undefined && entry.Put.TableName !== undefined)
    return {
      tableName: entry.Put.TableName,
      key: pick(entry.Put.Item, names),
      item: entry.Put.Item,
    };
  const keyed = entry.Update ?? entry.Delete ?? entry.ConditionCheck;
  return keyed?.Key === undefined || keyed.TableName === undefined
    ? undefined
    : { tableName: keyed.TableName, key: keyed.Key };
};

const batchTouches = (
  requestItems: Record<string, WriteRequest[]>,
  names: readonly string[],
): Touch[] =>
  Object.entries(requestItems).flatMap(([tableName, requests]) =>
    requests.flatMap((r): Touch[] => {
      if (r.PutRequest?.Item !== undefined)
        return [{ tableName, key: pick(r.PutRequest.Item, names), item: r.PutRequest.Item }];
      if (r.DeleteRequest?.Key !== undefined) return [{ tableName, key: r.DeleteRequest.Key }];
      return [];
    }),
  );

/** The items a write touches and the multiplier of their units (2 in a transaction). */
const touchesOf = (
  command: string,
  input: Record<string, unknown>,
  names: readonly string[],
): { readonly touches: Touch[]; readonly factor: number } => {
  const tableName = input.TableName as string;
  switch (command) {
    case "PutItemCommand": {
      const item = input.Item as Key;
      return { touches: [{ tableName, key: pick(item, names), item }], factor: 1 };
    }
    case "UpdateItemCommand":
    case "DeleteItemCommand":
      return { touches: [{ tableName, key: input.Key as Key }], factor: 1 };
    case "TransactWriteItemsCommand":
      return {
        touches: (input.TransactItems as TransactWriteItem[]).map((entry) => {
          const touch = transactTouch(entry, names);
          if (touch === undefined) throw new Error("a transaction item without a table or key");
          return touch;
        }),
        factor: 2,
      };
    case "BatchWriteItemCommand":
      return {
        touches: batchTouches(input.RequestItems as Record<string, WriteRequest[]>, names),
        factor: 1,
      };
    default:
      return { touches: [], factor: 1 };
  }
};

const throughputExceeded = () =>
  new ProvisionedThroughputExceededException({
    message:
      "The level of configured provisioned throughput for the table was exceeded (simulated per-item write-unit limit)",
    $metadata: { httpStatusCode: 400 },
  });

/** What DynamoDB answers a transaction one of whose items is over its throughput. */
const transactionThrottled = (throttledAt: readonly boolean[]) =>
  new TransactionCanceledException({
    message: `Transaction cancelled, please refer cancellation reasons for specific reasons [${throttledAt
      .map((t) => (t ? "ThrottlingError" : "None"))
      .join(", ")}]`,
    $metadata: { httpStatusCode: 400 },
    CancellationReasons: throttledAt.map((t) =>
      t
        ? {
            Code: "ThrottlingError",
            Message: "Throughput exceeds the current capacity for the item (simulated)",
          }
        : { Code: "None" },
    ),
  });

/**
 * Makes a DynamoDB client spend write units per item the way DynamoDB does, and refuse writes past
 * an item's rate: every item has a bucket of `unitsPerSecond` (refilled continuously, holding at
 * most `burstSeconds` of it). A write costs one unit per started KB of each item it touches (the
 * new item for a Put, the stored one for an Update, Delete or ConditionCheck), two in a
 * transaction; a write whose condition fails costs the same, since it is charged when it is let
 * through. A write any of whose items lacks the units is refused whole and costs nothing:
 * ProvisionedThroughputExceededException, or for a transaction TransactionCanceledException with
 * ThrottlingError on the items over their rate. BatchWriteItem is refused whole too (DynamoDB would
 * return the over-rate items as UnprocessedItems; the adapters resend both the same way).
 *
 * Middleware in the finalizeRequest step, inside the client's retry loop, so the client's own
 * retry strategy sees each refusal as it would see DynamoDB's.
 */
export const limitWriteUnits = (
  client: DynamoDBDocumentClient | DynamoDBClient,
  options: WriteUnitLimitOptions,
): WriteUnitLimits => {
  const now = options.now ?? (() => performance.now());
  const names = options.keyNames ?? ["PK", "SK"];
  const capacity = options.unitsPerSecond * (options.burstSeconds ?? 1);
  const sizeTtl = options.sizeTtlMs ?? 5_000;
  const buckets = new Map<string, Bucket>();
  const spent = new Map<string, number>();
  const sizes = new Map<string, { size: number; at: number }>();
  let throttled = 0;

  const looking = new Set<string>();
  /** The stored item's last known size; a read for it (or a fresher one) goes on in the background. */
  const storedSize = (tableName: string, key: Key): number => {
    const id = keyString(tableName, key);
    const known = sizes.get(id);
    if ((known === undefined || now() - known.at >= sizeTtl) && !looking.has(id)) {
      looking.add(id);
      // The document client sends low-level commands as they are (its marshalling is its own commands').
      (options.sizes ?? (client as DynamoDBClient))
        .send(new GetItemCommand({ TableName: tableName, Key: key, ConsistentRead: true }))
        .then(
          (output) => {
            sizes.set(id, {
              size: output.Item === undefined ? 0 : itemSize(output.Item),
              at: now(),
            });
          },
          () => {},
        )
        .finally(() => looking.delete(id));
    }
    return known?.size ?? 0;
  };

  const bucket = (item: string, at: number): Bucket => {
    const current = buckets.get(item) ?? { tokens: capacity, at };
    const refilled = {
      tokens: Math.min(
        capacity,
        current.tokens + ((at - current.at) / 1000) * options.unitsPerSecond,
      ),
      at,
    };
    buckets.set(item, refilled);
    return refilled;
  };

  const limits: WriteUnitLimits = {
    enabled: true,
    throttled: () => throttled,
    unitsSpent: (tableName, key) => spent.get(keyString(tableName, key)) ?? 0,
    hottest: () => {
      let best: { item: string; units: number } | undefined;
      for (const [item, units] of spent)
        if (best === undefined || units > best.units) best = { item, units };
      return best;
    },
  };

  client.middlewareStack.add(
    (next, context) => async (args) => {
      const command = context.commandName ?? "";
      if (!WRITES.has(command)) return next(args);
      const { touches, factor } = touchesOf(command, args.input as Record<string, unknown>, names);
      const put = () => {
        for (const t of touches)
          if (t.item !== undefined)
            sizes.set(keyString(t.tableName, t.key), { size: itemSize(t.item), at: now() });
      };
      // Off, it still learns the sizes of what is put (a test's set-up writes the hot item).
      if (!limits.enabled) {
        put();
        return next(args);
      }
      const charges = touches.map(
        (t): Charge => ({
          item: keyString(t.tableName, t.key),
          units:
            factor *
            writeUnits(t.item === undefined ? storedSize(t.tableName, t.key) : itemSize(t.item)),
        }),
      );
      // Decided and spent in one synchronous step, so concurrent writes never both take the last units.
      const at = now();
      const needed = new Map<string, number>();
      for (const c of charges) needed.set(c.item, (needed.get(c.item) ?? 0) + c.units);
      const over = new Set(
        [...needed]
          .filter(([item, units]) => bucket(item, at).tokens < units)
          .map(([item]) => item),
      );
      if (over.size > 0) {
        throttled += 1;
        throw command === "TransactWriteItemsCommand"
          ? transactionThrottled(charges.map((c) => over.has(c.item)))
          : throughputExceeded();
      }
      for (const [item, units] of needed) {
        bucket(item, at).tokens -= units;
        spent.set(item, (spent.get(item) ?? 0) + units);
      }
      put();
      return next(args);
    },
    { step: "finalizeRequest", name: "writeUnitLimits" },
  );
  return limits;
};
