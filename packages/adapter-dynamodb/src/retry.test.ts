import { GetCommand } from "@aws-sdk/lib-dynamodb";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { makeDocumentClient } from "./client.ts";
import { attempt } from "./dynamo-query.ts";
import { THROTTLE_RETRY_POLICY } from "./retry.ts";

const throttle = () =>
  Object.assign(new Error("slow down"), {
    name: "ProvisionedThroughputExceededException",
    $fault: "client",
    $metadata: { httpStatusCode: 400 },
  });

const conditionFailed = () =>
  Object.assign(new Error("no"), {
    name: "ConditionalCheckFailedException",
    $fault: "client",
    $metadata: { httpStatusCode: 400 },
  });

/**
 * A real document client whose every try fails with `fail(try)` (or answers an empty GetItem when
 * it returns undefined), from inside the SDK's retry loop: nothing goes on the network, and the
 * tries the client makes are counted.
 */
const scriptedClient = (
  fail: (attempt: number) => Error | undefined,
  retry?: typeof THROTTLE_RETRY_POLICY,
) => {
  let tries = 0;
  const doc = makeDocumentClient({
    region: "ap-northeast-1",
    endpoint: "http://127.0.0.1:9",
    credentials: { accessKeyId: "x", secretAccessKey: "x" },
    ...(retry === undefined ? {} : { retry }),
  });
  doc.middlewareStack.add(
    () => async () => {
      tries += 1;
      const error = fail(tries);
      if (error !== undefined) throw error;
      return { response: {}, output: { $metadata: {} } };
    },
    { step: "finalizeRequest", name: "scriptedAnswers" },
  );
  const get = () => attempt(() => doc.send(new GetCommand({ TableName: "t", Key: { PK: "a" } })));
  return { get, tries: () => tries };
};

const fast = { budgetMs: 100, baseDelayMs: 1, maxDelayMs: 8 };

describe("the client's one retry of throttling", () => {
  it("retries throttling until the call goes through", async () => {
    const c = scriptedClient((n) => (n <= 3 ? throttle() : undefined), fast);
    expect(E.isRight(await c.get()())).toBe(true);
    expect(c.tries()).toBe(4);
  });

  it("does not retry what a retry would not mend", async () => {
    const c = scriptedClient(conditionFailed, fast);
    const result = await c.get()();
    expect(E.isLeft(result) && result.left).toMatchObject({
      _tag: "STORE.UNAVAILABLE",
      details: { cause: "ConditionalCheckFailedException" },
    });
    expect(c.tries()).toBe(1);
  });

  it("gives up with STORE.UNAVAILABLE once the time budget is spent", async () => {
    const c = scriptedClient(throttle, fast);
    const started = performance.now();
    const result = await c.get()();
    const elapsed = performance.now() - started;
    expect(E.isLeft(result) && result.left._tag).toBe("STORE.UNAVAILABLE");
    expect(elapsed).toBeGreaterThanOrEqual(fast.budgetMs - fast.maxDelayMs);
    expect(elapsed).toBeLessThan(fast.budgetMs + 500);
    expect(c.tries()).toBeGreaterThan(3);
  });

  it("by default gives up within the policy's 3 s", async () => {
    const c = scriptedClient(throttle);
    const started = performance.now();
    const result = await c.get()();
    const elapsed = performance.now() - started;
    expect(E.isLeft(result) && result.left._tag).toBe("STORE.UNAVAILABLE");
    expect(elapsed).toBeGreaterThanOrEqual(
      THROTTLE_RETRY_POLICY.budgetMs - THROTTLE_RETRY_POLICY.maxDelayMs,
    );
    expect(elapsed).toBeLessThan(THROTTLE_RETRY_POLICY.budgetMs + 1_000);
  });
});
