import "reflect-metadata";
import { appError } from "@owners/app";
import { makeHarvestWorld, sampleProfile } from "@owners/app/testing";
import { instant } from "@owners/domain";
import { captureLogs } from "@owners/logging/testing";
import * as TE from "fp-ts/lib/TaskEither.js";
import { describe, expect, it } from "vitest";
import { composeBatches, type RunBatch } from "./composition.ts";
import { readBatchConfig } from "./config.ts";
import { BatchFailure, makeBatchHandler } from "./handler.ts";

const OWNERS = ["owner_hanako-yamada", "owner_taro-sato"];
const EMAIL = "hanako.yamada@example.jp";
const ADDRESS = sampleProfile().address;
/** What must never reach a log line: owner ids, names, addresses, phone numbers, emails. */
const PERSONAL = [
  ...OWNERS,
  EMAIL,
  ADDRESS.recipientName,
  ADDRESS.postalCode,
  ADDRESS.line1,
  ADDRESS.line2 ?? "",
  ADDRESS.phone ?? "",
].filter((s) => s !== "");

const context = (id: string) => ({ awsRequestId: id, getRemainingTimeInMillis: () => 600_000 });
const options = { safetyMarginMs: 30_000, leaseMs: 120_000 };

describe("batch logs", () => {
  it("are one JSON line per invocation with the batch, its run and request ids, level and msg, and no personal data", async () => {
    // A harvested plan whose owners have names and addresses: allocation, shipping and the
    // notices all handle them, and none may reach the logs.
    const world = makeHarvestWorld();
    const plan = await world.openPlan("plan_figs", { totalShares: 10, maxSharesPerOwner: 5 });
    for (const [i, owner] of OWNERS.entries()) {
      await world.reserve(plan, owner, 2, i);
      await world.giveAddress(owner);
    }
    const closed = await world.closePlan(plan.id);
    await world.addLot(closed, "lot_1", 12, { recordedAt: instant("2026-07-20T00:00:00.000Z") });

    const { lines, entries, logger } = captureLogs("owners-batch");
    const batches = composeBatches(readBatchConfig({}), { ports: world.deps });
    const handlerFor = makeBatchHandler(batches.runBatch, { ...options, logger });
    const names = ["allocate-harvests", "schedule-shipments", "flush-notifications"] as const;
    for (const [i, name] of names.entries()) {
      const result = await handlerFor(name)({ batch: name }, context(`req-${i}`));
      expect(result.status).toBe("finished");
    }

    expect(entries()).toHaveLength(names.length);
    for (const [i, entry] of entries().entries())
      expect(entry).toMatchObject({
        level: 30,
        time: expect.any(Number),
        service: "owners-batch",
        msg: "batch",
        batch: names[i],
        runId: expect.any(String),
        requestId: `req-${i}`,
        status: "finished",
      });
    // The batches did handle the owners (shipments were scheduled for their addresses).
    expect(entries()[1]).toMatchObject({ counts: expect.any(Object) });
    expect(Object.values(entries()[1]?.counts as Record<string, number>).some((n) => n > 0)).toBe(
      true,
    );
    for (const secret of PERSONAL) expect(lines.join("\n"), secret).not.toContain(secret);
  });

  it("log a failure by its code, without the error's message or details, which may quote a person", async () => {
    const { lines, entries, logger } = captureLogs("owners-batch");
    const run: RunBatch = () =>
      TE.left(
        appError("STORE.UNAVAILABLE", `could not read the profile of ${EMAIL}`, {
          ownerId: OWNERS[0],
        }),
      );
    const handler = makeBatchHandler(run, { ...options, logger })("close-sales");
    await expect(handler(undefined, context("req-9"))).rejects.toBeInstanceOf(BatchFailure);
    expect(entries()).toEqual([
      expect.objectContaining({
        level: 50,
        service: "owners-batch",
        msg: "batch",
        batch: "close-sales",
        requestId: "req-9",
        status: "failed",
        error: "STORE.UNAVAILABLE",
      }),
    ]);
    for (const secret of PERSONAL) expect(lines.join("\n"), secret).not.toContain(secret);
  });

  it("log a payment batch's troubles as CloudWatch embedded metrics, which the alarms watch", async () => {
    const { entries, logger } = captureLogs("owners-batch");
    const run: RunBatch = (batch) =>
      TE.right({
        batch,
        scope: "all",
        runId: "run-1",
        outcome: "finished",
        resumed: false,
        chunksThisInvocation: 1,
        chunks: 1,
        counts: { plansReconciled: 3, planMismatches: 1, refundsFailed: 2 },
        problems: [],
        startedAt: instant("2026-06-01T00:00:00.000Z"),
        updatedAt: instant("2026-06-01T00:00:01.000Z"),
      });
    const handler = makeBatchHandler(run, { ...options, logger, stage: "staging" });
    await handler("reconcile-payments")(undefined, context("req-m"));
    expect(entries()[1]).toMatchObject({
      msg: "payment-metrics",
      Stage: "staging",
      ReconciliationMismatch: 1,
      RefundFailed: 2,
      _aws: { CloudWatchMetrics: [{ Namespace: "Owners/Payments", Dimensions: [["Stage"]] }] },
    });
    await handler("close-sales")(undefined, context("req-n"));
    expect(entries().filter((e) => e.msg === "payment-metrics")).toHaveLength(2);
  });
});
