import {
  addMillis,
  auditEntryId,
  instant,
  type Plan,
  planChanged,
  planCreated,
  planId,
  producerId,
} from "@owners/domain";
import * as O from "fp-ts/lib/Option.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { PlanRepository } from "../../ports/plan-repository.ts";
import type { ReservationStores } from "../../ports/reservation-stores.ts";
import { RESERVATION_TIMES, samplePlan, sampleReserveCommand } from "../reservation-fixtures.ts";
import { collectPages, failWith, succeed, tamper } from "./expect-task.ts";
import type { MakeReservationStores, ReservationStoresHarness } from "./reservation-harness.ts";

const head = (id: string) => ({
  id: auditEntryId(id),
  at: RESERVATION_TIMES.created,
  actor: { id: "producer_fig-farm", role: "producer" as const },
});

/** Seven plans, created a minute apart, over two producers, three statuses and two categories. */
const catalogue = (): Plan[] =>
  Array.from({ length: 7 }, (_, i) =>
    samplePlan(
      {
        id: planId(`plan_${i}`),
        producerId: producerId(i % 2 === 0 ? "producer_a" : "producer_b"),
        status: (["open", "draft", "closed"] as const)[i % 3],
        createdAt: addMillis(RESERVATION_TIMES.created, i * 60_000),
      },
      { category: i < 4 ? "fruit" : "fish", region: i % 3 === 0 ? "Wakayama" : "Ehime" },
    ),
  );

/** A read budget small enough that thirty plans exceed it: 5 items a read, 2 reads a page. */
const SMALL_BUDGET = { itemsPerRead: 5, readsPerRequest: 2 };

/** Thirty open plans a minute apart; `rare(i)` picks the few of category "seaweed". */
const manyPlans = (rare: (i: number) => boolean): Plan[] =>
  Array.from({ length: 30 }, (_, i) =>
    samplePlan(
      {
        id: planId(`plan_m${String(i).padStart(2, "0")}`),
        status: "open",
        createdAt: addMillis(RESERVATION_TIMES.created, i * 60_000),
        salesWindow: {
          opensAt: RESERVATION_TIMES.opens,
          closesAt: addMillis(RESERVATION_TIMES.closes, rare(i) ? 0 : 86_400_000),
        },
      },
      { category: rare(i) ? "seaweed" : "fruit" },
    ),
  );

/** The behaviour every PlanRepository adapter must share (in-memory, DynamoDB). */
export const describePlanRepositoryContract = (
  name: string,
  makeHarness: MakeReservationStores,
) => {
  describe(`PlanRepository contract: ${name}`, () => {
    let harness: ReservationStoresHarness;
    let stores: ReservationStores;
    let plans: PlanRepository;
    beforeEach(async () => {
      harness = await makeHarness();
      stores = harness.subject;
      plans = stores.plans;
    });
    afterEach(async () => {
      await harness.cleanup();
    });

    it("creates a plan and reads it back unchanged; an unknown id is none", async () => {
      const plan = samplePlan(
        {},
        {
          salesWindow: {
            opensAt: RESERVATION_TIMES.opens,
            closesAt: RESERVATION_TIMES.closes,
            returningOwnersOpenAt: RESERVATION_TIMES.earlyAccess,
          },
        },
      );
      await succeed(plans.create(plan));
      expect(await succeed(plans.get(plan.id))).toEqual(O.some(plan));
      expect(await succeed(plans.get(planId("plan_nope")))).toEqual(O.none);
    });

    it("refuses a second plan with the same id (STORE.DUPLICATE) and keeps the first", async () => {
      const plan = samplePlan();
      await succeed(plans.create(plan));
      const error = await failWith(plans.create({ ...plan, title: "Another" }));
      expect(error._tag).toBe("STORE.DUPLICATE");
      expect(await succeed(plans.get(plan.id))).toEqual(O.some(plan));
    });

    it("stores the audit entries given with create and save", async () => {
      const plan = samplePlan({ status: "draft" });
      await succeed(plans.create(plan, [planCreated(head("aud_created"), plan)]));
      const edited = { ...plan, title: "Figs, edited" };
      await succeed(
        plans.save(edited, plan.version, [planChanged(head("aud_edited"), plan, edited)]),
      );
      const trail = await succeed(stores.audit.listBySubject("plan", plan.id));
      expect(trail.map((e) => e.action)).toEqual(["plan.created", "plan.edited"]);
    });

    it("gets several plans at once, skipping unknown ids", async () => {
      const [a, b] = catalogue();
      await succeed(plans.create(a as Plan));
      await succeed(plans.create(b as Plan));
      const found = await succeed(
        plans.getMany([(a as Plan).id, planId("plan_nope"), (b as Plan).id]),
      );
      expect(found.map((p) => p.id).sort()).toEqual([(a as Plan).id, (b as Plan).id].sort());
      expect(await succeed(plans.getMany([]))).toEqual([]);
    });

    it("saves at the expected version, returning the plan at version + 1", async () => {
      const plan = samplePlan({ status: "draft" });
      await succeed(plans.create(plan));
      const saved = await succeed(
        plans.save({ ...plan, title: "Black figs", status: "open" }, plan.version),
      );
      expect(saved).toMatchObject({
        title: "Black figs",
        status: "open",
        version: plan.version + 1,
      });
      expect(await succeed(plans.get(plan.id))).toEqual(O.some(saved));
    });

    it("refuses a save at a stale version (STORE.VERSION_CONFLICT) and writes nothing", async () => {
      const plan = samplePlan({ status: "draft" });
      await succeed(plans.create(plan));
      await succeed(plans.save({ ...plan, title: "First edit" }, plan.version));
      const error = await failWith(plans.save({ ...plan, title: "Lost update" }, plan.version));
      expect(error._tag).toBe("STORE.VERSION_CONFLICT");
      const stored = await succeed(plans.get(plan.id));
      expect(O.toUndefined(stored)?.title).toBe("First edit");
    });

    it("refuses to save a plan that does not exist (PLAN.NOT_FOUND)", async () => {
      const error = await failWith(plans.save(samplePlan(), 1));
      expect(error._tag).toBe("PLAN.NOT_FOUND");
    });

    it("never writes the share counters on save: a reservation made meanwhile survives", async () => {
      const plan = samplePlan();
      await succeed(plans.create(plan));
      await succeed(
        stores.ownerships.reserve(sampleReserveCommand({ plan, owner: "owner_1", shares: 2 })),
      );
      // The producer edits from the copy read before the reservation (sharesSold 0).
      const saved = await succeed(plans.save({ ...plan, story: "Now with photos" }, plan.version));
      expect(saved).toMatchObject({ sharesSold: 2, sharesOffered: 0, story: "Now with photos" });
      expect(O.toUndefined(await succeed(plans.get(plan.id)))?.sharesSold).toBe(2);
    });

    it("lists plans newest first, with each filter and with all of them", async () => {
      const all = catalogue();
      for (const plan of all) await succeed(plans.create(plan));
      const ids = async (filter: Parameters<PlanRepository["list"]>[0]) =>
        (await collectPages((page) => plans.list(filter, page), 100)).items.map((p) => p.id);
      const newestFirst = (selected: Plan[]) => selected.map((p) => p.id).reverse();
      expect(await ids({})).toEqual(newestFirst(all));
      expect(await ids({ status: "open" })).toEqual(
        newestFirst(all.filter((p) => p.status === "open")),
      );
      expect(await ids({ category: "fish" })).toEqual(
        newestFirst(all.filter((p) => p.category === "fish")),
      );
      expect(await ids({ region: "Wakayama" })).toEqual(
        newestFirst(all.filter((p) => p.region === "Wakayama")),
      );
      expect(await ids({ producerId: producerId("producer_b") })).toEqual(
        newestFirst(all.filter((p) => p.producerId === "producer_b")),
      );
      expect(
        await ids({ producerId: producerId("producer_a"), status: "open", category: "fruit" }),
      ).toEqual(
        newestFirst(
          all.filter(
            (p) => p.producerId === "producer_a" && p.status === "open" && p.category === "fruit",
          ),
        ),
      );
      expect(await ids({ status: "cancelled" })).toEqual([]);
    });

    it("pages through every plan exactly once, whatever the page size", async () => {
      const all = catalogue();
      for (const plan of all) await succeed(plans.create(plan));
      for (const limit of [1, 2, 3, 7, 50]) {
        const { items, pages } = await collectPages((page) => plans.list({}, page), limit);
        expect(items.map((p) => p.id)).toEqual(all.map((p) => p.id).reverse());
        expect(pages).toBeGreaterThanOrEqual(Math.ceil(all.length / limit));
      }
      const filtered = await collectPages((page) => plans.list({ category: "fruit" }, page), 2);
      expect(filtered.items.map((p) => p.id)).toEqual(["plan_3", "plan_2", "plan_1", "plan_0"]);
    });

    it("refuses a tampered cursor and a cursor of another list (PAGINATION.INVALID_CURSOR)", async () => {
      for (const plan of catalogue()) await succeed(plans.create(plan));
      const first = await succeed(plans.list({}, { limit: 2 }));
      const cursor = first.nextCursor as string;
      expect(cursor).toBeTypeOf("string");
      expect((await failWith(plans.list({}, { limit: 2, cursor: tamper(cursor) })))._tag).toBe(
        "PAGINATION.INVALID_CURSOR",
      );
      expect((await failWith(plans.list({ status: "open" }, { limit: 2, cursor })))._tag).toBe(
        "PAGINATION.INVALID_CURSOR",
      );
      expect((await failWith(plans.list({}, { limit: 2, cursor: "not-a-cursor" })))._tag).toBe(
        "PAGINATION.INVALID_CURSOR",
      );
    });

    describe("with a read budget per page", () => {
      let bounded: ReservationStoresHarness;
      beforeEach(async () => {
        bounded = await makeHarness({ listBudget: SMALL_BUDGET });
      });
      afterEach(async () => {
        await bounded.cleanup();
      });

      it("stops a rare filter at the budget with an empty page and a cursor that finds it", async () => {
        const all = manyPlans((i) => i === 0);
        for (const plan of all) await succeed(bounded.subject.plans.create(plan));
        const filter = { status: "open" as const, category: "seaweed" };
        const first = await succeed(bounded.subject.plans.list(filter, { limit: 10 }));
        expect(first.items).toEqual([]);
        expect(first.nextCursor).toBeTypeOf("string");
        const { items, pages } = await collectPages(
          (page) => bounded.subject.plans.list(filter, page),
          10,
        );
        expect(items.map((p) => p.id)).toEqual(["plan_m00"]);
        expect(pages).toBeGreaterThanOrEqual(3);
      });

      it("bounds the closing-sales list the same way", async () => {
        for (const plan of manyPlans((i) => i === 0))
          await succeed(bounded.subject.plans.create(plan));
        const before = RESERVATION_TIMES.closes;
        const first = await succeed(bounded.subject.plans.listOpenClosingBy(before, { limit: 10 }));
        expect(first.items).toEqual([]);
        expect(first.nextCursor).toBeTypeOf("string");
        const due = await collectPages(
          (page) => bounded.subject.plans.listOpenClosingBy(before, page),
          10,
        );
        expect(due.items.map((p) => p.id)).toEqual(["plan_m00"]);
      });

      it("still returns every match once, newest first, whatever the page size", async () => {
        const all = manyPlans((i) => i % 4 === 1);
        for (const plan of all) await succeed(bounded.subject.plans.create(plan));
        const expected = all
          .filter((p) => p.category === "seaweed")
          .map((p) => p.id)
          .reverse();
        for (const limit of [1, 2, 3, 20]) {
          const { items } = await collectPages(
            (page) => bounded.subject.plans.list({ category: "seaweed" }, page),
            limit,
          );
          expect(items.map((p) => p.id)).toEqual(expected);
        }
      });
    });

    it("lists the open plans whose sales closed by a given instant, each once", async () => {
      const closes = (i: number) => addMillis(RESERVATION_TIMES.closes, i * 3_600_000);
      const all = Array.from({ length: 5 }, (_, i) =>
        samplePlan({
          id: planId(`plan_c${i}`),
          status: i === 1 ? "closed" : "open",
          createdAt: addMillis(RESERVATION_TIMES.created, i),
          salesWindow: { opensAt: RESERVATION_TIMES.opens, closesAt: closes(i) },
        }),
      );
      for (const plan of all) await succeed(plans.create(plan));
      const due = await collectPages((page) => plans.listOpenClosingBy(closes(3), page), 1);
      expect(due.items.map((p) => p.id).sort()).toEqual(["plan_c0", "plan_c2", "plan_c3"]);
      const none = await succeed(
        plans.listOpenClosingBy(instant("2026-06-30T00:00:00.000Z"), { limit: 10 }),
      );
      expect(none.items).toEqual([]);
    });
  });
};
