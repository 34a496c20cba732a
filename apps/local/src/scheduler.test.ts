import { makeManualClock, makeManualTimer } from "@owners/adapter-local";
import * as TE from "fp-ts/lib/TaskEither.js";
import { describe, expect, it } from "vitest";
import { startLocalScheduler } from "./scheduler.ts";

const setup = async () => {
  const clock = makeManualClock("2026-06-01T00:00:00.000Z");
  const timer = makeManualTimer(clock);
  const runs: string[] = [];
  const errors: string[] = [];
  const local = await startLocalScheduler({
    clock,
    timer,
    run: (name) => {
      runs.push(name);
      return name === "expire-offers"
        ? TE.left({ _tag: "STORE.UNAVAILABLE", message: "down" })
        : TE.right({ ok: true });
    },
    onError: (batch) => errors.push(batch),
  });
  const count = (name: string) => runs.filter((r) => r === name).length;
  return { timer, local, runs, errors, count };
};

describe("local scheduler", () => {
  it("runs each batch at its rate and flushes notifications every 30 seconds", async () => {
    const { timer, local, count, errors } = await setup();
    expect(local.scheduler.list().map((s) => [s.name, s.expression])).toEqual([
      ["allocate-harvests", "5 minutes"],
      ["close-sales", "1 minute"],
      ["deliver-parcels", "5 minutes"],
      ["expire-offers", "1 minute"],
      ["export-analytics", "1 hour"],
      ["reconcile-payments", "1 hour"],
      ["refund-cancelled-plans", "1 minute"],
      ["schedule-shipments", "5 minutes"],
    ]);
    await timer.advance(10 * 60_000);
    expect(count("close-sales")).toBe(10);
    expect(count("expire-offers")).toBe(10);
    expect(count("allocate-harvests")).toBe(2);
    expect(count("schedule-shipments")).toBe(2);
    expect(count("deliver-parcels")).toBe(2);
    expect(count("refund-cancelled-plans")).toBe(10);
    expect(count("flush-notifications")).toBe(20);
    expect(count("export-analytics")).toBe(0);
    // A failing batch is reported and keeps its schedule.
    expect(errors.filter((e) => e === "expire-offers")).toHaveLength(10);
    await timer.advance(50 * 60_000);
    expect(count("export-analytics")).toBe(1);
    await local.stop();
  });

  it("runs nothing after stop", async () => {
    const { timer, local, runs } = await setup();
    await local.stop();
    await timer.advance(10 * 60_000);
    expect(runs).toEqual([]);
    expect(timer.pendingCount()).toBe(0);
  });
});
