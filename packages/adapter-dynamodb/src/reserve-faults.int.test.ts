import { cancelOwnership } from "@owners/app";
import { collectPages, succeed } from "@owners/app/testing";
import { checkBalanced, type Ownership, ownerId } from "@owners/domain";
import { LOCAL_AWS_CREDENTIALS, LOCAL_AWS_REGION } from "@owners/test-engines";
import * as E from "fp-ts/lib/Either.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeDocumentClient } from "./client.ts";
import { makeDynamoReservationStores } from "./reservation-stores.ts";
import {
  type CheckoutFate,
  type ContentionRun,
  LOADED_ENGINE_RETRY,
  runContention,
} from "./testing/contention.ts";
import { createTestTable, type TestTable } from "./testing/dynamo-test-table.ts";
import { type FaultCounts, injectFaults } from "./testing/fault-injection.ts";

/**
 * Reservations and cancellations while a share of the calls (reads and writes) are throttled,
 * conflict, or lose their response after the write landed, for several seeds and rates: one seed
 * at one rate only ever checks one interleaving. Payments fail too: a seeded share of the holds
 * is declined at the checkout or left to expire, the rest are paid, each through the webhook and
 * hold expiry under the same faults. Afterwards the table is read through a clean
 * client: nothing that was confirmed is missing, nothing is there twice, and every counter agrees.
 * Few operations per case keep the file within ~40 s on a 2-core machine.
 */
const CASES = [
  { seed: 3, rate: 0.01, attempts: 60, cancels: 4 },
  { seed: 7, rate: 0.1, attempts: 30, cancels: 3 },
  { seed: 11, rate: 0.1, attempts: 30, cancels: 3 },
  { seed: 19, rate: 0.5, attempts: 20, cancels: 2 },
  { seed: 41, rate: 0.5, attempts: 20, cancels: 2 },
];

/** How the n-th hold's payment ends: about half paid, a quarter declined, a quarter expired. */
const fateOf =
  (seed: number) =>
  (n: number): CheckoutFate =>
    (["succeeded", "failed", "succeeded", "expired"] as const)[(n * 7 + seed) % 4] ?? "succeeded";

/**
 * Typed refusals a caller can act on: business outcomes, or the store gave up within its budget
 * (STORE.THROTTLED: the plan's counter still conflicted after the hot-plan retries).
 */
const TYPED_REFUSALS = [
  "PLAN.SOLD_OUT",
  "PLAN.OWNER_LIMIT",
  "STORE.UNAVAILABLE",
  "STORE.THROTTLED",
];

describe.each(CASES)(
  "reservations with injected faults at rate $rate, seed $seed",
  ({ seed, rate, attempts, cancels }) => {
    let table: TestTable;
    let faults: FaultCounts;
    let run: ContentionRun;
    let cancelled: Ownership[];
    let cancelResults: E.Either<{ _tag: string }, Ownership>[];
    let clean: ReturnType<typeof makeDynamoReservationStores>;
    const paid = (o: Pick<Ownership, "id">) => run.fates.get(o.id)?.fate === "succeeded";

    beforeAll(async () => {
      table = await createTestTable({
        configure: (doc) => {
          faults = injectFaults(doc, rate, seed);
        },
        retry: LOADED_ENGINE_RETRY,
      });
      run = await runContention(makeDynamoReservationStores(table), {
        totalShares: Math.floor(attempts / 2),
        maxPerOwner: 3,
        attempts,
        owners: Math.floor(attempts / 3),
        conflictRetry: LOADED_ENGINE_RETRY,
        fate: fateOf(seed),
      });
      // Owners cancel paid ownerships (an unpaid one was released by its payment's end).
      cancelled = run.results
        .flatMap((r) =>
          E.isRight(r) && !r.right.replayed && paid(r.right.ownership) ? [r.right.ownership] : [],
        )
        .slice(0, cancels);
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
    }, 120_000);
    afterAll(async () => {
      await table.drop();
    });

    it("really injected faults, on reads as well as writes once the rate is not tiny", () => {
      expect(faults.throttledBeforeSend + faults.conflicts + faults.lostResponses).toBeGreaterThan(
        0,
      );
      if (rate >= 0.1) {
        expect(faults.readsThrottled).toBeGreaterThan(0);
        expect(faults.throttledBeforeSend - faults.readsThrottled).toBeGreaterThan(0);
      }
      // Conflicts and lost responses hit transactions only: too few at 10 % to be sure of one, and
      // which of the two a transaction meets depends on how the concurrent calls interleave.
      if (rate >= 0.5) expect(faults.conflicts + faults.lostResponses).toBeGreaterThan(0);
    });

    it("met payment failures as well as paid holds", () => {
      const fates = [...run.fates.values()].map((f) => f.fate);
      expect(fates).toContain("succeeded");
      expect(fates.some((f) => f !== "succeeded")).toBe(true);
    });

    it("answered every request with a result or a typed refusal, never a raw exception", () => {
      for (const result of [...run.results, ...cancelResults])
        if (E.isLeft(result)) expect(TYPED_REFUSALS).toContain(result.left._tag);
      // Someone got shares: the faults did not turn the run into refusals only.
      expect(run.results.some(E.isRight)).toBe(true);
    });

    it("never oversold the plan", async () => {
      const plan = await succeed(clean.plans.get(run.plan.id));
      expect(plan._tag === "Some" && plan.value.sharesSold).toBeLessThanOrEqual(
        run.plan.totalShares,
      );
    });

    it("lost no confirmed write: every ownership answered is stored as answered", async () => {
      const stored = new Map(
        (
          await collectPages((page) => clean.ownerships.listByPlan(run.plan.id, page), 100)
        ).items.map((o) => [o.id, o]),
      );
      const cancelledIds = new Set(
        cancelled
          .filter((_, i) => E.isRight(cancelResults[i] ?? E.left({ _tag: "" })))
          .map((o) => o.id),
      );
      for (const result of run.results) {
        if (E.isLeft(result)) continue;
        const o = stored.get(result.right.ownership.id);
        expect(o?.shares).toBe(result.right.ownership.shares);
        expect(o?.status).toBe(
          cancelledIds.has(result.right.ownership.id)
            ? "cancelled"
            : paid(result.right.ownership)
              ? "active"
              : "payment_failed",
        );
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
        // Paid: charge, payout, fee; then refunded in full: three more; never paid: none.
        expect(entries).toHaveLength(o.status === "active" ? 3 : o.status === "cancelled" ? 6 : 0);
        expect(o.status).not.toBe("pending_payment");
      }
      const moves = run.kit.payments.movements();
      const charges = moves.filter((m) => m.kind === "charge").map((m) => m.idempotencyKey);
      expect(new Set(charges).size).toBe(charges.length);
      expect(moves.filter((m) => m.kind === "refund")).toHaveLength(
        ownerships.filter((o) => o.status === "cancelled").length,
      );
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
  },
);
