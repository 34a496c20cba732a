import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const REPORTS_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "reports");

/** The saved reports shipped with the code: `reports/<name>.sql`. */
export const reportNames = (): string[] =>
  readdirSync(REPORTS_DIR)
    .filter((name) => name.endsWith(".sql"))
    .map((name) => name.slice(0, -4))
    .sort();

export const reportSql = (name: string): string => {
  if (!reportNames().includes(name))
    throw new Error(`no report named ${name}; known: ${reportNames().join(", ")}`);
  return readFileSync(join(REPORTS_DIR, `${name}.sql`), "utf8");
};
