/** `pnpm --filter @owners/analytics ddl`: regenerates ddl/*.sql from the export schemas. */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { ddlFiles } from "../src/ddl.ts";

const dir = join(dirname(fileURLToPath(import.meta.url)), "..", "ddl");
mkdirSync(dir, { recursive: true });
const files = ddlFiles();
for (const name of readdirSync(dir))
  if ((name.endsWith(".sql") || name.endsWith(".md")) && !files.has(name)) rmSync(join(dir, name));
for (const [name, content] of files) writeFileSync(join(dir, name), content);
console.log(`wrote ${files.size} DDL files to ${dir}`);
