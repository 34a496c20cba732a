import { makeMemoryPorts } from "@owners/adapter-memory";
import { DEFAULT_RESERVATION_CONFIG } from "@owners/app";
import { ledgerBalance } from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { demoPlans, demoReservations } from "./demo-data.ts";
import { loadDemoData, seedUseCasesOf } from "./seed.ts";

const memoryDeps = () => ({ ...makeMemoryPorts(), config: DEFAULT_RESERVATION_CONFIG });

const right = async <T>(task: () => Promise<E.Either<unknown, T>>): Promise<T> => {
  const result = await task();
  if (E.isLeft(result)) throw new Error(JSON.stringify(result.left));
  return result.right;
};

describe("demo data", () => {
  it("publishes every demo plan and reserves the demo shares, each paid once", async () => {
    const deps = memoryDeps();
    const report = await loadDemoData(seedUseCasesOf(deps));
    expect(report).toEqual({
      plansCreated: demoPlans.length,
      plansKept: 0,
      reservations: demoReservations.length,
    });
    const open = await right(deps.plans.list({ status: "open" }, { limit: 100 }));
    expect(open.items.map((p) => p.title).sort()).toEqual(demoPlans.map((p) => p.title).sort());
    for (const plan of open.items) {
      const expectedShares = demoReservations
        .filter((r) => r.producerId === plan.producerId)
        .reduce((sum, r) => sum + r.shares, 0);
      expect(plan.sharesSold).toBe(expectedShares);
      const balance = ledgerBalance(await right(deps.ledger.listByPlan(plan.id)));
      expect(balance.isBalanced).toBe(true);
      expect(balance.chargesYen > 0).toBe(expectedShares > 0);
      const ownerships = await right(deps.ownerships.listByPlan(plan.id, { limit: 100 }));
      for (const o of ownerships.items)
        expect(o).toMatchObject({ status: "active", payment: { status: "succeeded" } });
    }
    const charges = deps.payments.movements().filter((m) => m.kind === "charge");
    expect(charges).toHaveLength(demoReservations.length);
  });

  it("adds nothing when loaded again on the same store", async () => {
    const deps = memoryDeps();
    await loadDemoData(seedUseCasesOf(deps));
    const again = await loadDemoData(seedUseCasesOf(deps));
    expect(again).toEqual({ plansCreated: 0, plansKept: demoPlans.length, reservations: 0 });
    const all = await right(deps.plans.list({}, { limit: 100 }));
    expect(all.items).toHaveLength(demoPlans.length);
  });
});
