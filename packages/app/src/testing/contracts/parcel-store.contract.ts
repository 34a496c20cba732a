import {
  instant,
  localDate,
  lotId,
  type OutboxMessage,
  ownerId,
  parcelIdOf,
  planId,
  producerId,
  SCHEDULED,
  shipmentId,
} from "@owners/domain";
import * as O from "fp-ts/lib/Option.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Outbox } from "../../ports/outbox.ts";
import type { ParcelRecord, ParcelStore } from "../../ports/parcel-store.ts";
import { collectPages, failWith, succeed } from "./expect-task.ts";

export interface ParcelStoreSubject {
  readonly subject: ParcelStore;
  /** The outbox the store's messages land in. */
  readonly outbox: Outbox;
  cleanup(): Promise<void>;
}

const PLAN = planId("plan_parcels");
const AT = instant("2026-08-03T01:00:00.000Z");

const parcel = (n: number, owner = "alice", plan = PLAN): ParcelRecord => {
  const shipment = shipmentId(`shp_${String(n).padStart(3, "0")}`);
  const shipOn = localDate(`2026-08-${String(1 + (n % 9)).padStart(2, "0")}`);
  return {
    id: parcelIdOf(shipment, shipOn),
    planId: plan,
    producerId: producerId("farm"),
    ownerId: ownerId(owner),
    shipmentId: shipment,
    lotId: lotId("lot_1"),
    shipOn,
    arriveBy: localDate("2026-08-20"),
    boxes: 1 + (n % 3),
    progress: SCHEDULED,
    version: 1,
  };
};

const shipped = (p: ParcelRecord): ParcelRecord => ({
  ...p,
  progress: { state: "shipped", carrier: "yamato", trackingNumber: "123456789014", shippedAt: AT },
});

const message = (p: ParcelRecord): OutboxMessage => ({
  id: `msg_${p.id}`,
  recipientId: p.ownerId,
  kind: "shipment-scheduled",
  subject: "on its way",
  body: "on its way",
  at: AT,
  dedupeKey: `contract-parcel-shipped#${p.id}`,
});

/** The behaviour every ParcelStore adapter must share. */
export const describeParcelStoreContract = (
  name: string,
  makeSubject: () => Promise<ParcelStoreSubject>,
) => {
  describe(`ParcelStore contract: ${name}`, () => {
    let harness: ParcelStoreSubject;
    let store: ParcelStore;
    beforeEach(async () => {
      harness = await makeSubject();
      store = harness.subject;
    });
    afterEach(async () => {
      await harness.cleanup();
    });

    it("registers each parcel once and counts it in its plan's total", async () => {
      expect(await succeed(store.counts(PLAN))).toEqual({ total: 0, shipped: 0, delivered: 0 });
      expect(await succeed(store.register(PLAN, [parcel(1), parcel(2)]))).toBe(2);
      const moved = await succeed(store.saveProgress(shipped(parcel(1)), 1, []));
      // A re-run registers the new parcel only and keeps the shipped one as it is.
      expect(await succeed(store.register(PLAN, [parcel(1), parcel(2), parcel(3)]))).toBe(1);
      expect(await succeed(store.counts(PLAN))).toEqual({ total: 3, shipped: 1, delivered: 0 });
      expect(await succeed(store.get(PLAN, parcel(1).id))).toEqual(O.some(moved));
      expect(await succeed(store.get(PLAN, parcel(9).id))).toEqual(O.none);
      expect(await succeed(store.counts(planId("plan_other")))).toEqual({
        total: 0,
        shipped: 0,
        delivered: 0,
      });
    });

    it("registers more parcels than one write holds", async () => {
      const many = Array.from({ length: 230 }, (_, i) => parcel(i));
      expect(await succeed(store.register(PLAN, many))).toBe(230);
      expect(await succeed(store.register(PLAN, many))).toBe(0);
      expect((await succeed(store.counts(PLAN))).total).toBe(230);
      const { items } = await collectPages((page) => store.listByPlan(PLAN, page), 100);
      expect(items.map((p) => p.id)).toEqual(many.map((p) => p.id).sort());
    });

    it("moves a parcel and its plan's counts and enqueues its messages in one write", async () => {
      await succeed(store.register(PLAN, [parcel(1), parcel(2)]));
      const first = await succeed(store.saveProgress(shipped(parcel(1)), 1, [message(parcel(1))]));
      expect(first.version).toBe(2);
      expect(first.progress.state).toBe("shipped");
      const pending = await succeed(harness.outbox.get(message(parcel(1)).dedupeKey));
      expect(O.isSome(pending)).toBe(true);
      const delivered: ParcelRecord = {
        ...first,
        progress: {
          state: "delivered",
          carrier: "yamato",
          trackingNumber: "123456789014",
          shippedAt: AT,
          deliveredAt: AT,
          confirmedBy: "owner",
        },
      };
      await succeed(store.saveProgress(delivered, 2, []));
      expect(await succeed(store.counts(PLAN))).toEqual({ total: 2, shipped: 1, delivered: 1 });
    });

    it("refuses a stale version, a missing parcel and a message already sent, changing nothing", async () => {
      await succeed(store.register(PLAN, [parcel(1), parcel(2)]));
      await succeed(store.saveProgress(shipped(parcel(1)), 1, [message(parcel(1))]));
      expect((await failWith(store.saveProgress(shipped(parcel(1)), 1, [])))._tag).toBe(
        "STORE.VERSION_CONFLICT",
      );
      expect((await failWith(store.saveProgress(shipped(parcel(7)), 1, [])))._tag).toBe(
        "PARCEL.NOT_FOUND",
      );
      // parcel 2's move carries parcel 1's message: the whole write is cancelled.
      expect(
        (await failWith(store.saveProgress(shipped(parcel(2)), 1, [message(parcel(1))])))._tag,
      ).toBe("STORE.DUPLICATE");
      expect(await succeed(store.counts(PLAN))).toEqual({ total: 2, shipped: 1, delivered: 0 });
      expect(
        O.map((p: ParcelRecord) => p.version)(await succeed(store.get(PLAN, parcel(2).id))),
      ).toEqual(O.some(1));
    });

    it("lets one of two concurrent moves of a parcel win, counting it once", async () => {
      await succeed(store.register(PLAN, [parcel(1)]));
      const answers = await Promise.all(
        [1, 2, 3].map(() => store.saveProgress(shipped(parcel(1)), 1, [])()),
      );
      expect(answers.filter((a) => a._tag === "Right")).toHaveLength(1);
      expect(await succeed(store.counts(PLAN))).toEqual({ total: 1, shipped: 1, delivered: 0 });
    });

    it("lists a plan's parcels, and an owner's own, in id order", async () => {
      await succeed(
        store.register(PLAN, [parcel(3, "bob"), parcel(1), parcel(2, "bob"), parcel(4)]),
      );
      await succeed(store.register(planId("plan_other"), [parcel(5, "bob", planId("plan_other"))]));
      const all = await collectPages((page) => store.listByPlan(PLAN, page), 3);
      expect(all.items.map((p) => p.id)).toEqual([1, 2, 3, 4].map((n) => parcel(n).id));
      const bobs = await collectPages((page) => store.listByOwner(PLAN, ownerId("bob"), page), 1);
      expect(bobs.items.map((p) => p.id)).toEqual([parcel(2).id, parcel(3).id]);
      expect(bobs.items[0]).toEqual(parcel(2, "bob"));
    });
  });
};
