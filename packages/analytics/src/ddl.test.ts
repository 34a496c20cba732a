import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ddlFiles } from "./ddl.ts";

const DDL_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "ddl");

describe("schema drift: the checked-in Athena DDL is what the export schemas generate", () => {
  const generated = ddlFiles();

  it("has exactly one file per table and per <table>_current view, and the PII table", () => {
    const checkedIn = readdirSync(DDL_DIR).filter(
      (name) => name.endsWith(".sql") || name.endsWith(".md"),
    );
    expect(checkedIn.sort()).toEqual([...generated.keys()].sort());
  });

  it.each([...generated])(
    "%s is up to date (else run `pnpm --filter @owners/analytics ddl`)",
    (name, content) => {
      expect(readFileSync(join(DDL_DIR, name), "utf8")).toBe(content);
    },
  );
});
