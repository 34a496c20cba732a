import {
  instant,
  lotId,
  ownerId,
  ownershipId,
  planId,
  producerId,
  shipmentId,
} from "@owners/domain";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { LotShipment, ShipmentRepository } from "../../ports/shipment-repository.ts";
import { sampleShipment } from "../harvest-fixtures.ts";
import { collectPages, failWith, succeed, tamper } from "./expect-task.ts";

export interface ShipmentRepositorySubject {
  readonly subject: ShipmentRepository;
  cleanup(): Promise<void>;
}

const shipment = (lot: string, n: number, overrides: Partial<LotShipment> = {}): LotShipment => {
  const { unshipped: _unshipped, ...shipped } = sampleShipment();
  return {
    ...shipped,
    id: shipmentId(`shp_${lot}_${n}`),
    lotId: lotId(lot),
    ownershipId: ownershipId(`own_${String(n).padStart(3, "0")}`),
    ownerId: ownerId(`owner_${n % 3}`),
    ...overrides,
  };
};

/** The behaviour every ShipmentRepository adapter must share. */
export const describeShipmentRepositoryContract = (
  name: string,
  makeSubject: () => Promise<ShipmentRepositorySubject>,
) => {
  describe(`ShipmentRepository contract: ${name}`, () => {
    let harness: ShipmentRepositorySubject;
    let repo: ShipmentRepository;
    beforeEach(async () => {
      harness = await makeSubject();
      repo = harness.subject;
    });
    afterEach(async () => {
      await harness.cleanup();
    });
    const plan = planId("plan_1");

    it("stores shipments with their address snapshot and lists a plan's in (lot, ownership) order", async () => {
      const written = [
        shipment("lot_B", 1),
        shipment("lot_A", 2, { unshipped: { units: 4, reason: "no-address" }, address: undefined }),
        shipment("lot_A", 1),
        shipment("lot_A", 3, { planId: planId("plan_2") }),
      ];
      const { address: _none, ...withoutAddress } = written[1] as LotShipment;
      await succeed(repo.putShipments(written));
      const { items, pages } = await collectPages((p) => repo.listByPlan(plan, p), 2);
      expect(pages).toBe(2);
      expect(items).toEqual([written[2], withoutAddress, written[0]]);
    });

    it("replaces a shipment written again under the same (lot, ownership): never a duplicate", async () => {
      const first = shipment("lot_A", 1, { unshipped: { units: 3, reason: "capacity" } });
      await succeed(repo.putShipments([first]));
      const { unshipped: _gone, ...second } = { ...first, parcels: first.parcels.slice(0, 1) };
      await succeed(repo.putShipments([second]));
      await succeed(repo.putShipments([second]));
      expect((await collectPages((p) => repo.listByPlan(plan, p), 10)).items).toEqual([second]);
      expect((await collectPages((p) => repo.listInfeasible(plan, p), 10)).items).toEqual([]);
    });

    it("writes hundreds in one call", async () => {
      const many = Array.from({ length: 230 }, (_, i) => shipment("lot_A", i));
      await succeed(repo.putShipments(many));
      const { items } = await collectPages((p) => repo.listByPlan(plan, p), 100);
      expect(items.map((s) => s.id)).toEqual(many.map((s) => s.id));
    });

    it("lists an owner's own shipments only", async () => {
      await succeed(repo.putShipments(Array.from({ length: 9 }, (_, i) => shipment("lot_A", i))));
      const { items } = await collectPages((p) => repo.listByOwner(plan, ownerId("owner_1"), p), 2);
      expect(items.map((s) => s.ownershipId)).toEqual(["own_001", "own_004", "own_007"]);
      expect(new Set(items.map((s) => s.ownerId))).toEqual(new Set(["owner_1"]));
    });

    it("lists the infeasible report: the shipments with unscheduled units", async () => {
      await succeed(
        repo.putShipments([
          shipment("lot_A", 1),
          shipment("lot_A", 2, { unshipped: { units: 1, reason: "capacity" } }),
          shipment("lot_B", 1, { parcels: [], unshipped: { units: 13, reason: "unknown-region" } }),
        ]),
      );
      const { items } = await collectPages((p) => repo.listInfeasible(plan, p), 1);
      expect(items.map((s) => [s.lotId, s.ownershipId, s.unshipped])).toEqual([
        ["lot_A", "own_002", { units: 1, reason: "capacity" }],
        ["lot_B", "own_001", { units: 13, reason: "unknown-region" }],
      ]);
    });

    it("refuses a tampered cursor and a cursor of another list", async () => {
      await succeed(repo.putShipments(Array.from({ length: 6 }, (_, i) => shipment("lot_A", i))));
      const first = await succeed(repo.listByPlan(plan, { limit: 2 }));
      const cursor = first.nextCursor as string;
      expect(
        (await failWith(repo.listByPlan(plan, { limit: 2, cursor: tamper(cursor) })))._tag,
      ).toBe("PAGINATION.INVALID_CURSOR");
      expect((await failWith(repo.listByPlan(planId("plan_2"), { limit: 2, cursor })))._tag).toBe(
        "PAGINATION.INVALID_CURSOR",
      );
      expect(
        (await failWith(repo.listByOwner(plan, ownerId("owner_0"), { limit: 2, cursor })))._tag,
      ).toBe("PAGINATION.INVALID_CURSOR");
    });

    it("sums the capacity booked by a producer's other lots, a re-write replacing a lot's", async () => {
      const producer = producerId("producer_1");
      await succeed(
        repo.putLotCapacity(producer, lotId("lot_A"), { "2026-08-02": 3, "2026-08-01": 1 }),
      );
      await succeed(repo.putLotCapacity(producer, lotId("lot_B"), { "2026-08-02": 9 }));
      await succeed(
        repo.putLotCapacity(producer, lotId("lot_B"), { "2026-08-02": 2, "2026-08-05": 4 }),
      );
      await succeed(
        repo.putLotCapacity(producerId("producer_2"), lotId("lot_X"), { "2026-08-02": 50 }),
      );
      expect(await succeed(repo.capacityUsed(producer, lotId("lot_C")))).toEqual({
        "2026-08-01": 1,
        "2026-08-02": 5,
        "2026-08-05": 4,
      });
      expect(Object.keys(await succeed(repo.capacityUsed(producer, lotId("lot_C"))))).toEqual([
        "2026-08-01",
        "2026-08-02",
        "2026-08-05",
      ]);
      expect(await succeed(repo.capacityUsed(producer, lotId("lot_B")))).toEqual({
        "2026-08-01": 1,
        "2026-08-02": 3,
      });
      expect(await succeed(repo.capacityUsed(producerId("producer_9"), lotId("lot_A")))).toEqual(
        {},
      );
    });

    it("remembers which lots are scheduled, per plan, repeatably", async () => {
      const when = instant("2026-08-01T00:00:00.000Z");
      await succeed(repo.markLotScheduled(plan, lotId("lot_B"), when));
      await succeed(repo.markLotScheduled(plan, lotId("lot_A"), when));
      await succeed(repo.markLotScheduled(plan, lotId("lot_B"), when));
      await succeed(repo.markLotScheduled(planId("plan_2"), lotId("lot_C"), when));
      expect(await succeed(repo.scheduledLotIds(plan))).toEqual(["lot_A", "lot_B"]);
    });

    it("erases an owner's address snapshots on a plan, keeping the boxes and others' addresses", async () => {
      const list = [1, 2, 3, 4].map((n) => ({
        ...shipment("lot_A", n),
        slot: "am" as const,
        giftMessage: `for ${n}`,
      }));
      await succeed(repo.putShipments(list));
      await succeed(repo.eraseAddresses(plan, ownerId("owner_1")));
      await succeed(repo.eraseAddresses(plan, ownerId("owner_1")));
      const { items } = await collectPages((p) => repo.listByPlan(plan, p), 10);
      for (const s of items)
        if (s.ownerId === "owner_1") {
          expect(s.address).toBeUndefined();
          expect(s.giftMessage).toBeUndefined();
          expect(s.slot).toBe("am");
          expect(s.parcels).toEqual(list.find((l) => l.id === s.id)?.parcels);
        } else {
          expect(s.address).toEqual(list.find((l) => l.id === s.id)?.address);
          expect(s.giftMessage).toBe(list.find((l) => l.id === s.id)?.giftMessage);
        }
      expect(items.filter((s) => s.ownerId === "owner_1")).toHaveLength(2);
    });
  });
};
