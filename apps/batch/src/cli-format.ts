import type { BatchProgress, BatchRunReport } from "@owners/app";

export interface CliArgs {
  readonly name: string;
  readonly planId?: string;
  readonly chunkSize?: number;
}

export const USAGE = `usage: pnpm batch <name> [--plan <plan id>] [--chunk-size <n>]
  names: close-sales, expire-offers, allocate-harvests, schedule-shipments, flush-notifications,
         export-analytics, refund-cancelled-plans, reconcile-payments, deliver-parcels,
         remind-experiences
  OWNERS_STORE=dynamodb runs on pnpm start's DynamoDB Local (OWNERS_DYNAMODB_ENDPOINT to change it)`;

/** `<name> [--plan <id>] [--chunk-size <n>]`; "help" for -h/--help; a message when it is wrong. */
export const parseCliArgs = (argv: readonly string[]): CliArgs | "help" | { error: string } => {
  const args = argv.filter((arg) => arg !== "--");
  if (args.includes("-h") || args.includes("--help")) return "help";
  let name: string | undefined;
  let planId: string | undefined;
  let chunkSize: number | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const value = args[i + 1];
    if (arg === "--plan" || arg === "--chunk-size") {
      if (value === undefined || value.startsWith("--")) return { error: `${arg} needs a value` };
      i += 1;
      if (arg === "--plan") planId = value;
      else {
        chunkSize = Number(value);
        if (!Number.isSafeInteger(chunkSize) || chunkSize < 1)
          return { error: `--chunk-size must be a positive whole number, got ${value}` };
      }
    } else if (arg.startsWith("-")) return { error: `unknown option ${arg}` };
    else if (name === undefined) name = arg;
    else return { error: `unexpected argument ${arg}` };
  }
  if (name === undefined) return { error: "which batch?" };
  return {
    name,
    ...(planId === undefined ? {} : { planId }),
    ...(chunkSize === undefined ? {} : { chunkSize }),
  };
};

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

const countsText = (counts: Readonly<Record<string, number>>) =>
  Object.entries(counts)
    .filter(([, value]) => value !== 0)
    .map(([name, value]) => `${name}=${value}`)
    .join(" ") || "nothing to do";

/** One line that says how far a long run is: `allocate-harvests all · chunk 12 · plansAllocated=3 … · 41.0 s`. */
export const progressLine = (progress: BatchProgress, elapsedMs: number): string =>
  `${progress.batch} ${progress.scope} · chunk ${progress.chunks} · ${countsText(progress.counts)} · ${seconds(elapsedMs)}`;

/** The final report, a few lines. */
export const finalReport = (report: BatchRunReport, elapsedMs: number): string[] => [
  `${report.batch} (${report.scope}) ${report.outcome === "finished" ? "finished" : "paused: run it again to resume"}${report.resumed ? ", resuming an earlier run" : ""}`,
  `  run ${report.runId}: ${report.chunks} chunk(s) in all, ${report.chunksThisInvocation} now, ${seconds(elapsedMs)}`,
  ...Object.entries(report.counts).map(([name, value]) => `  ${name.padEnd(22)} ${value}`),
  ...report.problems.map((p) => `  problem: ${p.item} ${p.code} ${p.message}`),
];
