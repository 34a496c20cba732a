/**
 * `pnpm analytics "<SQL>" [--csv | --json] [--dir <folder>]`, or `pnpm analytics --report <name>`:
 * SQL with DuckDB over the exported Parquet files, with the table and `<table>_current` view names
 * of Athena.
 */
import { parseArgs } from "node:util";
import { defaultAnalyticsRoot } from "./cli-config.ts";
import { toCsv, toJson, toTable } from "./cli-format.ts";
import { openAnalyticsDb, query } from "./duckdb/open.ts";
import { reportNames, reportSql } from "./reports.ts";
import { ANALYTICS_TABLES } from "./tables.ts";

const USAGE = `usage: pnpm analytics "<SQL>" [--csv | --json] [--dir <folder>]
       pnpm analytics --report <name> [--csv | --json]
       pnpm analytics --tables
tables: ${ANALYTICS_TABLES.map((t) => t.name).join(", ")}
views: <table>_current (the latest row of each entity), e.g. plans_current
reports: ${reportNames().join(", ")}`;

const main = async (): Promise<number> => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      csv: { type: "boolean" },
      json: { type: "boolean" },
      report: { type: "string" },
      dir: { type: "string" },
      tables: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  const sql = values.report === undefined ? positionals.join(" ").trim() : reportSql(values.report);
  if (values.help || (sql === "" && !values.tables)) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  const root = values.dir ?? defaultAnalyticsRoot();
  const db = await openAnalyticsDb(root);
  try {
    if (values.tables) {
      for (const table of ANALYTICS_TABLES)
        console.log(`${table.name}\t${db.files[table.name] ?? 0} file(s)`);
      return 0;
    }
    if (Object.values(db.files).every((n) => n === 0))
      console.error(`(no exported files under ${root}: run \`pnpm batch export-analytics\` first)`);
    const result = await query(db, sql);
    console.log(values.csv ? toCsv(result) : values.json ? toJson(result) : toTable(result));
    return 0;
  } finally {
    db.close();
  }
};

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
