import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { LOCAL_JWT_SECRET } from "./config.ts";
import { demoPlans, demoReservations } from "./demo-data.ts";
import { type LocalStackOptions, startLocalStack } from "./stack.ts";
import { apiClient } from "./testing-http.ts";

const stateDir = mkdtempSync(join(tmpdir(), "owners-local-stack-"));
afterAll(() => rmSync(stateDir, { recursive: true, force: true }));

/** What `pnpm start` runs, on free ports and a temporary state folder. */
const startOptions = (store: LocalStackOptions["store"]): LocalStackOptions => ({
  store,
  apiPort: 0,
  dynamoPort: 0,
  s3Port: 0,
  stateDir,
  tableName: "owners-local",
  uploadsBucket: "owners-uploads",
  jwtSecret: LOCAL_JWT_SECRET,
  seed: true,
  schedule: true,
  logLevel: "silent",
});

const javaOnPort = (port: number): string => {
  try {
    return execFileSync("pgrep", ["-f", `DynamoDBLocal.jar.*-port ${port}`], { encoding: "utf8" });
  } catch {
    return ""; // pgrep exits 1 when nothing matches
  }
};

const demoPlanCount = async (apiUrl: string) => {
  const page = await apiClient(apiUrl).request<{ items: unknown[] }>("GET", "/plans?limit=100");
  return page.body.items.length;
};

describe("pnpm start's stack", () => {
  it("serves the demo on DynamoDB Local, keeps its data across a restart, and leaves no JVM", async () => {
    const first = await startLocalStack(startOptions("dynamodb"));
    const dynamoPort = first.engines?.dynamo.port ?? -1;
    try {
      const health = await apiClient(first.apiUrl).request("GET", "/health");
      expect(health.body).toEqual({ status: "ok", store: "dynamodb" });
      expect(first.seed).toEqual({
        plansCreated: demoPlans.length,
        plansKept: 0,
        reservations: demoReservations.length,
      });
      expect(await demoPlanCount(first.apiUrl)).toBe(demoPlans.length);
      expect(javaOnPort(dynamoPort)).not.toBe("");

      // export-analytics runs in the stack as the scheduler and the admin route run it: the
      // demo's plans land as Parquet in s3rver's analytics bucket, where `pnpm analytics` reads.
      const exported = await first.runBatch("export-analytics")();
      expect(exported).toMatchObject({ _tag: "Right", right: { outcome: "finished" } });
      const files = readdirSync(stateDir, { recursive: true }).map(String);
      expect(
        files.some((f) => /owners-analytics.*analytics\/plans\/dt=[\d-]+\/part-/.test(f)),
      ).toBe(true);
    } finally {
      await first.stop();
    }
    expect(javaOnPort(dynamoPort)).toBe("");
    await expect(fetch(`${first.apiUrl}/health`)).rejects.toThrow();

    // Same state folder: the table and the demo are still there and are not loaded twice.
    const second = await startLocalStack(startOptions("dynamodb"));
    try {
      expect(second.engines?.tableCreated).toBe(false);
      expect(second.seed).toMatchObject({ plansCreated: 0, plansKept: demoPlans.length });
      expect(await demoPlanCount(second.apiUrl)).toBe(demoPlans.length);
    } finally {
      await second.stop();
    }
    expect(javaOnPort(second.engines?.dynamo.port ?? -1)).toBe("");
  });

  it("runs the same app on the in-memory adapters with --memory, without Java", async () => {
    const stack = await startLocalStack(startOptions("memory"));
    try {
      expect(stack.engines).toBeUndefined();
      const health = await apiClient(stack.apiUrl).request("GET", "/health");
      expect(health.body).toEqual({ status: "ok", store: "memory" });
      expect(await demoPlanCount(stack.apiUrl)).toBe(demoPlans.length);
      const docs = await fetch(`${stack.apiUrl}/openapi.json`);
      expect(((await docs.json()) as { openapi: string }).openapi).toBe("3.1.0");
      // Every batch runs here too, export-analytics from the in-memory stores.
      const exported = await stack.runBatch("export-analytics")();
      expect(exported).toMatchObject({ _tag: "Right", right: { outcome: "finished" } });
    } finally {
      await stack.stop();
    }
  });
});
