import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { createTestTable, type TestTable } from "@owners/adapter-dynamodb/test-table";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeBatchDocumentClient } from "./composition.ts";
import { readBatchConfig } from "./config.ts";
import { seedHarvest } from "./testing/harvested.ts";

const run = promisify(execFile);
const appDir = join(dirname(fileURLToPath(import.meta.url)), "..");

/** `pnpm batch` as a developer runs it next to `pnpm start` (DynamoDB Local, a notification file). */
describe("pnpm batch on DynamoDB Local", () => {
  let table: TestTable;
  let folder: string;
  const cli = async (...args: string[]) => {
    try {
      const { stdout } = await run(process.execPath, ["--import", "tsx", "src/cli.ts", ...args], {
        cwd: appDir,
        env: {
          ...process.env,
          OWNERS_STORE: "dynamodb",
          OWNERS_DYNAMODB_ENDPOINT: table.endpoint,
          OWNERS_TABLE: table.tableName,
          OWNERS_LOCAL_DIR: folder,
        },
      });
      return { code: 0, out: stdout };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, out: `${failed.stdout}${failed.stderr}` };
    }
  };

  beforeAll(async () => {
    table = await createTestTable({ prefix: "owners-batch-test" });
    folder = mkdtempSync(join(tmpdir(), "owners-batch-cli-"));
    const config = readBatchConfig({
      OWNERS_STORE: "dynamodb",
      OWNERS_DYNAMODB_ENDPOINT: table.endpoint,
      OWNERS_TABLE: table.tableName,
    });
    const doc = makeBatchDocumentClient(config);
    // The CLI runs in its own process, with its own in-memory processor: credit terms need none.
    await seedHarvest(doc, table.tableName, 2, { riskTerms: "credit" });
    doc.destroy();
  });
  afterAll(async () => {
    await table.drop();
    rmSync(folder, { recursive: true, force: true });
  });

  it("allocates one plan, then the rest, and delivers the notifications to pnpm start's file", async () => {
    const one = await cli("allocate-harvests", "--plan", "plan_1");
    expect(one.code).toBe(0);
    expect(one.out).toContain("allocate-harvests (plan_1) finished");
    expect(one.out).toMatch(/plansAllocated +1\n/);

    const rest = await cli("allocate-harvests");
    expect(rest.code).toBe(0);
    expect(rest.out).toMatch(/plansAllocated +1\n/);
    expect(rest.out).toMatch(/plansSkipped +2\n/);

    const flushed = await cli("flush-notifications");
    expect(flushed.code).toBe(0);
    expect(flushed.out).toMatch(/delivered +10\n/);
    const lines = readFileSync(join(folder, "notifications.jsonl"), "utf8").trim().split("\n");
    expect(lines).toHaveLength(10);
    expect(JSON.parse(lines[0] as string)).toMatchObject({ kind: "allocation-ready" });
  });

  it("says what is wrong with the command line, and names an unknown batch", async () => {
    expect((await cli()).code).toBe(2);
    const unknown = await cli("export-everything");
    expect(unknown.code).toBe(1);
    expect(unknown.out).toContain("BATCH.UNKNOWN");
  });
});
