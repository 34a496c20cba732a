import { lotId, ownerId, ownershipId, planId, yen } from "@owners/domain";
import * as O from "fp-ts/lib/Option.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AllocationRepository, LotAllocation } from "../../ports/allocation-repository.ts";
import { sampleLotAllocation, sampleStatementFacts, sampleSummary } from "../harvest-fixtures.ts";
import { collectPages, failWith, succeed, tamper } from "./expect-task.ts";

export interface AllocationRepositorySubject {
  readonly subject: AllocationRepository;
  cleanup(): Promise<void>;
}

const pad = (n: number) => String(n).padStart(5, "0");

/** `count` allocations of one lot, ownership ids `own_00000`.., written in a shuffled order. */
const lotAllocations = (count: number, lot = "lot_A"): LotAllocation[] =>
  Array.from({ length: count }, (_, i) =>
    sampleLotAllocation({
      lotId: lotId(lot),
      ownershipId: ownershipId(`own_${pad((i * 7919) % count)}`),
      ownerId: ownerId(`owner_${(i * 7919) % count}`),
      units: ((i * 7919) % count) % 5,
    }),
  );

/** The behaviour every AllocationRepository adapter must share. */
export const describeAllocationRepositoryContract = (
  name: string,
  makeSubject: () => Promise<AllocationRepositorySubject>,
) => {
  describe(`AllocationRepository contract: ${name}`, () => {
    let harness: AllocationRepositorySubject;
    let repo: AllocationRepository;
    beforeEach(async () => {
      harness = await makeSubject();
      repo = harness.subject;
    });
    afterEach(async () => {
      await harness.cleanup();
    });

    const listLot =
      (lot = "lot_A") =>
      (page: { limit: number; cursor?: string }) =>
        repo.listLotAllocations(planId("plan_1"), lotId(lot), page);

    it("writes a large lot in one call and pages through it in ownership id order", async () => {
      const records = lotAllocations(260);
      await succeed(repo.putLotAllocations(records));
      const { items, pages } = await collectPages(listLot(), 100);
      expect(pages).toBe(3);
      expect(items).toEqual([...records].sort((a, b) => (a.ownershipId < b.ownershipId ? -1 : 1)));
    });

    it("changes nothing when the same allocations are written again", async () => {
      const records = lotAllocations(30);
      await succeed(repo.putLotAllocations(records));
      await succeed(repo.putLotAllocations(records.slice(5, 20)));
      const { items } = await collectPages(listLot(), 7);
      expect(items).toHaveLength(30);
      expect(new Set(items.map((r) => r.ownershipId)).size).toBe(30);
    });

    it("keeps lots apart", async () => {
      await succeed(repo.putLotAllocations(lotAllocations(4, "lot_A")));
      await succeed(repo.putLotAllocations(lotAllocations(2, "lot_B")));
      expect((await collectPages(listLot("lot_A"), 10)).items).toHaveLength(4);
      expect((await collectPages(listLot("lot_B"), 10)).items).toHaveLength(2);
      expect((await collectPages(listLot("lot_C"), 10)).items).toEqual([]);
    });

    it("refuses a tampered cursor and a cursor of another list", async () => {
      await succeed(repo.putLotAllocations(lotAllocations(5, "lot_A")));
      await succeed(repo.putLotAllocations(lotAllocations(5, "lot_B")));
      const first = await succeed(listLot("lot_A")({ limit: 2 }));
      const cursor = first.nextCursor as string;
      expect(cursor).toBeTypeOf("string");
      expect((await failWith(listLot("lot_A")({ limit: 2, cursor: tamper(cursor) })))._tag).toBe(
        "PAGINATION.INVALID_CURSOR",
      );
      expect((await failWith(listLot("lot_B")({ limit: 2, cursor })))._tag).toBe(
        "PAGINATION.INVALID_CURSOR",
      );
    });

    it("remembers which lots are allocated, per plan, repeatably", async () => {
      await succeed(
        repo.markLotAllocated(planId("plan_1"), lotId("lot_B"), "2026-08-02T00:00:00.000Z"),
      );
      await succeed(
        repo.markLotAllocated(planId("plan_1"), lotId("lot_A"), "2026-08-02T00:00:00.000Z"),
      );
      await succeed(
        repo.markLotAllocated(planId("plan_1"), lotId("lot_A"), "2026-08-03T00:00:00.000Z"),
      );
      await succeed(
        repo.markLotAllocated(planId("plan_2"), lotId("lot_Z"), "2026-08-02T00:00:00.000Z"),
      );
      expect(await succeed(repo.allocatedLotIds(planId("plan_1")))).toEqual(["lot_A", "lot_B"]);
      expect(await succeed(repo.allocatedLotIds(planId("plan_3")))).toEqual([]);
    });

    it("stores summaries, replaces them on a re-write, and finds them by plan and by owner", async () => {
      const mine = sampleSummary();
      const mineToo = sampleSummary({
        ownershipId: ownershipId("own_3"),
        statementFacts: sampleStatementFacts(),
      });
      const theirs = sampleSummary({
        ownershipId: ownershipId("own_2"),
        ownerId: ownerId("owner_2"),
        compensation: { kind: "none", amountYen: yen(0) },
        refundYen: yen(0),
        paidRefundEntryIds: [],
      });
      await succeed(repo.putSummaries([mineToo, theirs, mine]));
      const replaced = { ...mine, refundYen: yen(2000) };
      await succeed(repo.putSummaries([replaced]));

      expect(await succeed(repo.getSummary(planId("plan_1"), mine.ownershipId))).toEqual(
        O.some(replaced),
      );
      expect(await succeed(repo.getSummary(planId("plan_2"), mine.ownershipId))).toEqual(O.none);
      const { items, pages } = await collectPages(
        (p) => repo.listSummaries(planId("plan_1"), p),
        2,
      );
      expect(pages).toBe(2);
      expect(items.map((s) => s.ownershipId)).toEqual(["own_1", "own_2", "own_3"]);
      expect(
        await succeed(repo.listSummariesByOwner(planId("plan_1"), ownerId("owner_1"))),
      ).toEqual([replaced, mineToo]);
      expect(
        await succeed(repo.listSummariesByOwner(planId("plan_1"), ownerId("owner_9"))),
      ).toEqual([]);
    });
  });
};
