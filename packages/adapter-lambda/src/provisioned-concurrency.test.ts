import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import * as E from "fp-ts/lib/Either.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeLambdaClient } from "./lambda-client.ts";
import { makeLambdaProvisionedConcurrency } from "./provisioned-concurrency.ts";

interface Seen {
  readonly method: string;
  readonly path: string;
  readonly query: string;
  readonly body: string;
  readonly signed: boolean;
}

/**
 * A small Lambda control plane speaking its REST wire format for provisioned concurrency:
 * PUT/DELETE /2019-09-30/functions/{name}/provisioned-concurrency?Qualifier={alias}.
 */
const fakeLambda = () => {
  const seen: Seen[] = [];
  const levels = new Map<string, number>();
  let refuse = false;
  const read = (req: IncomingMessage) =>
    new Promise<string>((resolve) => {
      let text = "";
      req.on("data", (chunk) => {
        text += chunk;
      });
      req.on("end", () => resolve(text));
    });
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://lambda.local");
    const body = await read(req);
    seen.push({
      method: req.method ?? "",
      path: decodeURIComponent(url.pathname),
      query: url.search,
      body,
      signed: (req.headers.authorization ?? "").startsWith("AWS4-HMAC-SHA256"),
    });
    const match = /^\/2019-09-30\/functions\/([^/]+)\/provisioned-concurrency$/.exec(url.pathname);
    const key = `${decodeURIComponent(match?.[1] ?? "")}:${url.searchParams.get("Qualifier")}`;
    const json = (status: number, payload: unknown, type?: string) => {
      res.writeHead(status, {
        "content-type": "application/json",
        ...(type === undefined ? {} : { "x-amzn-errortype": type }),
      });
      res.end(JSON.stringify(payload));
    };
    if (match === null) return json(404, { message: "no route" }, "ResourceNotFoundException");
    if (refuse)
      return json(429, { message: "Rate exceeded", Type: "User" }, "TooManyRequestsException");
    if (req.method === "PUT") {
      const requested = (JSON.parse(body) as { ProvisionedConcurrentExecutions: number })
        .ProvisionedConcurrentExecutions;
      levels.set(key, requested);
      return json(202, {
        RequestedProvisionedConcurrentExecutions: requested,
        Status: "IN_PROGRESS",
      });
    }
    if (req.method === "DELETE") {
      if (!levels.has(key))
        return json(
          404,
          { message: "No Provisioned Concurrency Config found", Type: "User" },
          "ResourceNotFoundException",
        );
      levels.delete(key);
      res.writeHead(204);
      return res.end();
    }
    return json(405, { message: "method" });
  });
  return {
    seen,
    levels,
    server,
    refuseAll: () => {
      refuse = true;
    },
  };
};

describe("provisioned concurrency on Lambda", () => {
  const lambda = fakeLambda();
  let endpoint = "";
  beforeAll(async () => {
    await new Promise<void>((resolve) => lambda.server.listen(0, "127.0.0.1", resolve));
    endpoint = `http://127.0.0.1:${(lambda.server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => lambda.server.close(() => resolve())));

  const port = () =>
    makeLambdaProvisionedConcurrency({
      client: makeLambdaClient({
        endpoint,
        region: "ap-northeast-1",
        credentials: { accessKeyId: "test", secretAccessKey: "test" },
        maxAttempts: 1,
      }),
      functionName: "owners-prod-api",
      alias: "live",
    });

  it("puts the level on the alias, signed, then deletes it; deleting again succeeds", async () => {
    expect(E.isRight(await port().set(12)())).toBe(true);
    expect(lambda.levels.get("owners-prod-api:live")).toBe(12);
    expect(lambda.seen.at(-1)).toEqual({
      method: "PUT",
      path: "/2019-09-30/functions/owners-prod-api/provisioned-concurrency",
      query: "?Qualifier=live",
      body: JSON.stringify({ ProvisionedConcurrentExecutions: 12 }),
      signed: true,
    });
    expect(E.isRight(await port().clear()())).toBe(true);
    expect(lambda.levels.has("owners-prod-api:live")).toBe(false);
    expect(lambda.seen.at(-1)?.method).toBe("DELETE");
    expect(E.isRight(await port().clear()())).toBe(true);
  });

  it("answers CAPACITY.UNAVAILABLE when Lambda refuses", async () => {
    lambda.refuseAll();
    const result = await port().set(3)();
    expect(E.isLeft(result) && result.left._tag).toBe("CAPACITY.UNAVAILABLE");
    expect(E.isLeft(result) && result.left.details).toEqual({ error: "TooManyRequestsException" });
  });
});
