import { cancelOwnership } from "@owners/app";
import { collectPages, succeed } from "@owners/app/testing";
import { checkBalanced, type Ownership, ownerId } from "@owners/domain";
import { LOCAL_AWS_CREDENTIALS, LOCAL_AWS_REGION } from "@owners/test-engines";
import * as E from "fp-ts/lib/Either.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeDocumentClient } from "./client.ts";
import { makeDynamoReservationStores } from "./reservation-stores.ts";
import { type ContentionRun, LOADED_ENGINE_RETRY, runContention } from "./testing/contention.ts";
import { createTestTable, type TestTable } from "./testing/dynamo-test-table.ts";
import { type FaultCounts, injectFaults } from "./testing/fault-injection.ts";

/**
 * Reservations and cancellations while a fifth of the calls are throttled, conflict, or lose their
 * response after the write landed. Afterwards the table is read through a clean client: nothing
 * that was confirmed is missing, nothing is there twice, and every counter agrees.
 */
describe("reservations with injected throttling, conflicts and lost responses", () => {
  let table: TestTable;
  let faults: FaultCounts;
  let run: ContentionRun;
  let cancelled: Ownership[];
  let cancelResults: E.Either<{ _tag: string }, Ownership>[];
  let clean: ReturnType<typeof makeDynamoReservationStores>;

  beforeAll(async () => {
    table = await createTestTable({
      configure: (doc) => {
        faults = injectFaults(doc, 0.2);
      },
      retry: LOADED_ENGINE_RETRY,
    });
    run = await runContention(makeDynamoReservationStores(table), {
      totalShares: 60,
      maxPerOwner: 3,
      attempts: 120,
      owners: 40,
      conflictRetry: LOADED_ENGINE_RETRY,
    });
    cancelled = run.results
      .flatMap((r) => (E.isRight(r) && !r.right.replayed ? [r.right.ownership] : []))
      .slice(0, 10);
    cancelResults = await Promise.all(
      cancelled.map((o) =>
        cancelOwnership(run.kit.deps)({ id: o.ownerId, role: "owner" }, { ownershipId: o.id })(),
      ),
    );
    const doc = makeDocumentClient({
      endpoint: table.endpoint,
      region: LOCAL_AWS_REGION,
      credentials: LOCAL_AWS_CREDENTIALS,
    });
    clean = makeDynamoReservationStores({
      doc,
      tableName: table.tableName,
      cursors: table.cursors,
    });
  }, 300_000);
  afterAll(async () => {
    await table.drop();
  });

  it("really injected every kind of fault", () => {
    expect(faults.throttledBeforeSend).toBeGreaterThan(0);
    expect(faults.conflicts).toBeGreaterThan(0);
    expect(faults.lostResponses).toBeGreaterThan(0);
  });

  it("answered every request with a result or a business refusal (the retries absorbed the faults)", () => {
    for (const result of run.results)
      if (E.isLeft(result))
        expect(["PLAN.SOLD_OUT", "PLAN.OWNER_LIMIT"]).toContain(result.left._tag);
    expect(cancelResults.every(E.isRight)).toBe(true);
  });

  it("lost no confirmed write: every ownership answered is stored as answered", async () => {
    const stored = new Map(
      (await collectPages((page) => clean.ownerships.listByPlan(run.plan.id, page), 100)).items.map(
        (o) => [o.id, o],
      ),
    );
    const cancelledIds = new Set(cancelled.map((o) => o.id));
    for (const result of run.results) {
      if (E.isLeft(result)) continue;
      const o = stored.get(result.right.ownership.id);
      expect(o?.shares).toBe(result.right.ownership.shares);
      expect(o?.status).toBe(cancelledIds.has(result.right.ownership.id) ? "cancelled" : "active");
    }
  });

  it("duplicated nothing: one ownership per key, its ledger entries once, one charge and at most one refund", async () => {
    const ownerships = (
      await collectPages((page) => clean.ownerships.listByPlan(run.plan.id, page), 100)
    ).items;
    const keys = ownerships.map((o) => `${o.ownerId}|${o.idempotencyKey}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const o of ownerships) {
      const entries = await succeed(clean.ledger.listByOwnership(run.plan.id, o.id));
      expect(entries).toHaveLength(o.status === "active" ? 3 : 6);
    }
    const moves = run.kit.payments.movements();
    const charges = moves.filter((m) => m.kind === "charge").map((m) => m.idempotencyKey);
    expect(new Set(charges).size).toBe(charges.length);
    expect(moves.filter((m) => m.kind === "refund")).toHaveLength(cancelled.length);
  });

  it("keeps every counter equal to the ownerships, and the ledger balanced with the gateway", async () => {
    const ownerships = (
      await collectPages((page) => clean.ownerships.listByPlan(run.plan.id, page), 100)
    ).items;
    const active = ownerships.filter((o) => o.status === "active");
    const plan = await succeed(clean.plans.get(run.plan.id));
    expect(plan).toMatchObject({
      value: { sharesSold: active.reduce((n, o) => n + o.shares, 0), sharesOffered: 0 },
    });
    const owners = new Set(ownerships.map((o) => o.ownerId));
    for (const owner of owners) {
      const held = active.filter((o) => o.ownerId === owner).reduce((n, o) => n + o.shares, 0);
      expect(held).toBeLessThanOrEqual(3);
      expect(await succeed(clean.ownerships.ownerActiveShares(run.plan.id, ownerId(owner)))).toBe(
        held,
      );
    }
    const balance = checkBalanced(await succeed(clean.ledger.listByPlan(run.plan.id)));
    expect(E.isRight(balance)).toBe(true);
    const totals = run.kit.payments.totals();
    if (E.isRight(balance))
      expect(balance.right.chargesYen - balance.right.refundsYen).toBe(
        totals.chargedYen - totals.refundedYen,
      );
  });
});
