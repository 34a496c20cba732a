import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { describe, expect, it } from "vitest";
import { makePseudonymizer } from "./pseudonymize.ts";
import { makeListAnalyticsSource } from "./sources/list-source.ts";
import { makeExportWorld, TEST_SECRET } from "./testing/export-world.ts";
import { generatePlatform } from "./testing/generate.ts";

const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });

describe("personal data never leaves in clear", () => {
  it("no name, email, address, postal code or phone of the data appears in any exported file", async () => {
    const data = generatePlatform({ seed: 3, producers: 4 });
    expect(data.pii.length).toBeGreaterThan(500);
    const world = makeExportWorld(makeListAnalyticsSource(() => data.records));
    await world.run();
    const root = world.dump();
    const files = filesUnder(root);
    expect(files.filter((f) => f.endsWith(".parquet")).length).toBeGreaterThan(9);

    const instance = await DuckDBInstance.create(":memory:");
    const connection = await instance.connect();
    const texts: string[] = [];
    for (const file of files) {
      // Raw bytes (state files, uncompressed pages) ...
      texts.push(readFileSync(file).toString("utf8"));
      // ... and the decoded content of every Parquet file, every column as text.
      if (file.endsWith(".parquet")) {
        const reader = await connection.runAndReadAll(`SELECT * FROM read_parquet('${file}')`);
        texts.push(JSON.stringify(reader.getRowsJson()));
      }
    }
    connection.closeSync();
    instance.closeSync();
    const everything = texts.join("\n");
    const leaked = data.pii.filter((value) => everything.includes(value));
    expect(leaked).toEqual([]);
    // The fragments that mark every planted value, in case one was cut or re-encoded.
    for (const marker of ["PII-", "mail-pii.example", "山田"])
      expect(everything).not.toContain(marker);
    // Pseudonymized, not dropped: owners can still be counted by their keyed hash.
    const hash = makePseudonymizer(TEST_SECRET);
    expect(everything).toContain(hash(data.pii.find((v) => v.includes("@")) ?? ""));
  });
});
