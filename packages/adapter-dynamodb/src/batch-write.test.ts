import type {
  BatchGetCommand,
  BatchWriteCommand,
  DynamoDBDocumentClient,
} from "@aws-sdk/lib-dynamodb";
import { makeCursorCodec } from "@owners/app";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { batchGetAll, batchPutAll } from "./batch-write.ts";
import type { DynamoContext } from "./client.ts";
import type { Item } from "./item.ts";

const TABLE = "t";
const fast = { retry: { budgetMs: 100, baseDelayMs: 1, maxDelayMs: 8 } };

/** A client that answers batch calls from `answer`, recording what each call asked for. */
const stubContext = (
  answer: (command: BatchWriteCommand | BatchGetCommand, call: number) => unknown,
) => {
  const calls: unknown[][] = [];
  const doc = {
    send: async (command: BatchWriteCommand | BatchGetCommand) => {
      const input = command.input as { RequestItems: Record<string, unknown> };
      const requests = input.RequestItems[TABLE];
      calls.push(
        Array.isArray(requests) ? requests : ((requests as { Keys: unknown[] }).Keys ?? []),
      );
      return answer(command, calls.length);
    },
  } as unknown as DynamoDBDocumentClient;
  const ctx: DynamoContext = { doc, tableName: TABLE, cursors: makeCursorCodec("s") };
  return { ctx, calls };
};

const items = (n: number): Item[] =>
  Array.from({ length: n }, (_, i) => ({ PK: `P#${i}`, SK: "S" }));

describe("batchPutAll", () => {
  it("writes in chunks of 25 and resends only the unprocessed requests until none are left", async () => {
    const written = new Set<string>();
    const { ctx, calls } = stubContext((command) => {
      const requests = (command as BatchWriteCommand).input.RequestItems?.[TABLE] ?? [];
      // Every batch of more than 3 requests gets its last 3 handed back, as under throttling.
      const kept = requests.length > 3 ? requests.slice(0, -3) : requests;
      for (const r of kept) written.add(String(r.PutRequest?.Item?.PK));
      return { UnprocessedItems: requests.length > 3 ? { [TABLE]: requests.slice(-3) } : {} };
    });
    const result = await batchPutAll(ctx, items(60), { ...fast, concurrency: 2 })();
    expect(E.isRight(result)).toBe(true);
    expect(written.size).toBe(60);
    expect(calls.every((c) => c.length <= 25)).toBe(true);
    expect(calls.filter((c) => c.length === 3)).toHaveLength(3);
  });

  it("gives up with STORE.UNAVAILABLE when requests stay unprocessed past the time budget", async () => {
    const { ctx, calls } = stubContext((command) => ({
      UnprocessedItems: { [TABLE]: (command as BatchWriteCommand).input.RequestItems?.[TABLE] },
    }));
    const started = performance.now();
    const result = await batchPutAll(ctx, items(5), fast)();
    const elapsed = performance.now() - started;
    expect(E.isLeft(result) && result.left._tag).toBe("STORE.UNAVAILABLE");
    expect(calls.length).toBeGreaterThan(3);
    expect(elapsed).toBeGreaterThanOrEqual(fast.retry.budgetMs - fast.retry.maxDelayMs);
    expect(elapsed).toBeLessThan(fast.retry.budgetMs + 500);
  });

  it("leaves errors to the client's own retry: a call that fails is STORE.UNAVAILABLE, not resent", async () => {
    const failing = stubContext(() => {
      throw Object.assign(new Error("slow down"), { name: "ThrottlingException" });
    });
    const result = await batchPutAll(failing.ctx, items(5), fast)();
    expect(E.isLeft(result) && result.left._tag).toBe("STORE.UNAVAILABLE");
    expect(failing.calls).toHaveLength(1);
  });

  it("writes nothing for no items", async () => {
    const { ctx, calls } = stubContext(() => ({}));
    expect(E.isRight(await batchPutAll(ctx, [])())).toBe(true);
    expect(calls).toHaveLength(0);
  });
});

describe("batchGetAll", () => {
  it("reads in chunks of 100 and resends unprocessed keys", async () => {
    const { ctx, calls } = stubContext((command) => {
      const keys = ((command as BatchGetCommand).input.RequestItems?.[TABLE]?.Keys ?? []) as Item[];
      const served = keys.length > 10 ? keys.slice(10) : keys;
      return {
        Responses: { [TABLE]: served.map((k) => ({ ...k, found: true })) },
        UnprocessedKeys: keys.length > 10 ? { [TABLE]: { Keys: keys.slice(0, 10) } } : {},
      };
    });
    const result = await batchGetAll(
      ctx,
      items(250).map((i) => ({ PK: i.PK as string, SK: "S" })),
      fast,
    )();
    expect(E.isRight(result) && result.right.length).toBe(250);
    expect(calls.every((c) => c.length <= 100)).toBe(true);
    expect(calls).toHaveLength(6);
  });
});

describe("batchGetAll of one key", () => {
  /** A client that records each command's name and input and answers from `items`. */
  const recording = (stored: Item[]) => {
    const sent: { name: string; input: Record<string, unknown> }[] = [];
    const doc = {
      send: async (command: { constructor: { name: string }; input: Record<string, unknown> }) => {
        sent.push({ name: command.constructor.name, input: command.input });
        const key = command.input.Key as Item | undefined;
        const item = stored.find((i) => i.PK === key?.PK && i.SK === key?.SK);
        return { Item: item };
      },
    } as unknown as DynamoDBDocumentClient;
    return { ctx: { doc, tableName: TABLE, cursors: makeCursorCodec("s") }, sent };
  };

  it("is one GetItem with the batch's consistency and projection", async () => {
    const { ctx, sent } = recording([{ PK: "P#1", SK: "S", name: "figs" }]);
    const result = await batchGetAll(ctx, [{ PK: "P#1", SK: "S" }], {
      consistent: false,
      projection: "PK, SK, name",
    })();
    expect(E.isRight(result) && result.right).toEqual([{ PK: "P#1", SK: "S", name: "figs" }]);
    expect(sent).toEqual([
      {
        name: "GetCommand",
        input: {
          TableName: TABLE,
          Key: { PK: "P#1", SK: "S" },
          ConsistentRead: false,
          ProjectionExpression: "PK, SK, name",
        },
      },
    ]);
  });

  it("finds nothing for an absent key", async () => {
    const { ctx, sent } = recording([]);
    const result = await batchGetAll(ctx, [{ PK: "P#9", SK: "S" }])();
    expect(E.isRight(result) && result.right).toEqual([]);
    expect(sent.map((s) => s.input.ConsistentRead)).toEqual([true]);
  });
});
