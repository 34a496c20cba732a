import { describe, expect, it } from "vitest";
import { SCHEMA_OF } from "./entity-schemas.ts";
import { makePseudonymizer } from "./pseudonymize.ts";
import { rowOf, rowSchemaOfExport } from "./rows.ts";
import type { AnyExportSchema } from "./schema/index.ts";
import { generatePlatform } from "./testing/generate.ts";

describe("rows", () => {
  it("every generated entity becomes a row of exactly its table's columns and types", () => {
    const { records } = generatePlatform({ seed: 5, producers: 2 });
    const ctx = {
      exportedAt: "2026-03-01T00:00:00.000Z",
      snapshot: true,
      pseudonymize: makePseudonymizer("x".repeat(16)),
    };
    for (const record of records) {
      const schema = SCHEMA_OF[record.entity] as AnyExportSchema;
      const parsed = rowSchemaOfExport(schema).safeParse(rowOf(schema, record.value, ctx));
      expect(parsed.success, `${record.entity}: ${parsed.error?.message}`).toBe(true);
    }
  });
});
