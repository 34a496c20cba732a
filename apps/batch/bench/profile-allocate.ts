/**
 * One allocation run of the bench's plans (BENCH_OWNERS, default 4,000), with every DynamoDB call
 * counted by command and timed: where the allocation batch spends its round trips. Prints one line
 * per command (calls, items, summed latency) and the wall-time phases in call order, for the
 * second of two runs (the first warms the engine up). Not part of `pnpm bench`:
 * `cd apps/batch && BENCH_OWNERS=4000 npx tsx bench/profile-allocate.ts`.
 */
import "reflect-metadata";
import { CreateTableCommand } from "@aws-sdk/client-dynamodb";
import { createTableInput } from "@owners/adapter-dynamodb/table";
import type { PaymentGateway } from "@owners/app";
import * as E from "fp-ts/lib/Either.js";
import { composeBatches } from "../src/composition.ts";
import { acceptingProcessor, runBench, shortfallPlans, withBenchEngine } from "./bench-engine.ts";
import { seedBenchPlan } from "./seed.ts";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
const OWNERS = Number(process.env.BENCH_OWNERS ?? 4_000);

interface Call {
  readonly name: string;
  readonly items: number;
  readonly start: number;
  readonly end: number;
}

const itemsOf = (input: Record<string, unknown>): number => {
  const request = input.RequestItems as Record<string, unknown[] | { Keys: unknown[] }> | undefined;
  if (request !== undefined)
    return Object.values(request).reduce<number>(
      (n, r) => n + (Array.isArray(r) ? r.length : r.Keys.length),
      0,
    );
  const transact = input.TransactItems as unknown[] | undefined;
  return transact?.length ?? 1;
};

const main = () =>
  withBenchEngine(async ({ raw, config, doc }) => {
    const calls: Call[] = [];
    let recording = false;
    doc.middlewareStack.add(
      (next, context) => async (args) => {
        const start = performance.now();
        const out = await next(args);
        if (recording)
          calls.push({
            name: context.commandName ?? "?",
            items: itemsOf(args.input as Record<string, unknown>),
            start,
            end: performance.now(),
          });
        return out;
      },
      { step: "initialize", name: "profileCalls" },
    );
    const plans = shortfallPlans(OWNERS, 0.7);
    // The first iteration warms the engine's JIT and Node's up; the second is printed.
    for (const iteration of [0, 1]) {
      const warm = iteration === 0;
      const tableName = `owners-bench-${iteration}`;
      await raw.send(new CreateTableCommand(createTableInput(tableName)));
      for (const bench of plans) await seedBenchPlan(doc, tableName, bench, 16);
      const batches = composeBatches(
        { ...config, OWNERS_TABLE: tableName },
        {
          doc,
          ports: { payments: acceptingProcessor() as PaymentGateway },
        },
      );
      for (const bench of plans) {
        calls.length = 0;
        recording = true;
        const t0 = performance.now();
        const result = await batches.runBatch("allocate-harvests", { planId: bench.plan.id })();
        const total = performance.now() - t0;
        recording = false;
        if (E.isLeft(result)) throw new Error(`${result.left._tag}: ${result.left.message}`);
        if (warm) continue;
        console.log(
          `\n== ${bench.plan.id}: ${(total / 1000).toFixed(2)} s ${JSON.stringify(result.right.counts)}`,
        );
        const by = new Map<string, { calls: number; items: number; ms: number }>();
        for (const c of calls) {
          const s = by.get(c.name) ?? { calls: 0, items: 0, ms: 0 };
          by.set(c.name, {
            calls: s.calls + 1,
            items: s.items + c.items,
            ms: s.ms + c.end - c.start,
          });
        }
        for (const [name, s] of [...by].sort((a, b) => b[1].ms - a[1].ms))
          console.log(
            `${name.padEnd(28)} calls=${String(s.calls).padStart(6)} items=${String(s.items).padStart(7)} latency-sum=${(s.ms / 1000).toFixed(2)} s`,
          );
        // Phases: runs of consecutive calls of one command, with their wall time.
        const phases: { name: string; n: number; items: number; start: number; end: number }[] = [];
        for (const c of [...calls].sort((a, b) => a.start - b.start)) {
          const last = phases[phases.length - 1];
          if (last !== undefined && last.name === c.name) {
            last.n += 1;
            last.items += c.items;
            last.end = Math.max(last.end, c.end);
          } else phases.push({ name: c.name, n: 1, items: c.items, start: c.start, end: c.end });
        }
        for (const p of phases)
          if (p.end - p.start > 20 || p.n > 5)
            console.log(
              `  phase ${p.name.padEnd(26)} x${String(p.n).padStart(5)} items=${String(p.items).padStart(6)} at ${((p.start - t0) / 1000).toFixed(2)}..${((p.end - t0) / 1000).toFixed(2)} s`,
            );
      }
      batches.close();
    }
  });

runBench(main);
