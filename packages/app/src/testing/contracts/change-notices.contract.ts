import {
  fanOutTrigger,
  type OutboxMessage,
  outboxMessage,
  ownerId,
  type Plan,
  planId,
} from "@owners/domain";
import * as O from "fp-ts/lib/Option.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Outbox } from "../../ports/outbox.ts";
import type { ReservationStores } from "../../ports/reservation-stores.ts";
import {
  RESERVATION_TIMES,
  sampleCancelCommand,
  samplePlan,
  sampleReserveCommand,
  withWaiting,
} from "../reservation-fixtures.ts";
import { failWith, succeed } from "./expect-task.ts";

/** The reservation stores and the outbox they write notices into, over one fresh store. */
export interface ChangeNoticesHarness {
  readonly stores: ReservationStores;
  readonly outbox: Outbox;
  cleanup(): Promise<void>;
}

export type MakeChangeNoticesHarness = () => Promise<ChangeNoticesHarness>;

const notice = (key: string, subject = `about ${key}`): OutboxMessage =>
  outboxMessage({
    id: `msg_${key}`,
    recipientId: ownerId("owner_1"),
    kind: "reservation-confirmed",
    subject,
    body: "body",
    params: { planTitle: "Figs", shares: 2 },
    at: RESERVATION_TIMES.during,
    dedupeKey: `test#${key}`,
  });

/**
 * A change and the notices it causes land in one atomic write, or neither does: what every store
 * that takes `notices` must share (in-memory, DynamoDB). A notice whose dedupeKey is already in
 * the outbox is dropped (the first message is kept) and never blocks its change.
 */
export const describeChangeNoticesContract = (
  name: string,
  makeHarness: MakeChangeNoticesHarness,
) => {
  describe(`change notices contract: ${name}`, () => {
    let harness: ChangeNoticesHarness;
    beforeEach(async () => {
      harness = await makeHarness();
    });
    afterEach(async () => {
      await harness.cleanup();
    });
    const stored = async (key: string) =>
      O.toUndefined(await succeed(harness.outbox.get(`test#${key}`)));
    const givenPlan = async (totalShares = 4, maxSharesPerOwner = 2, id = "plan_notices") => {
      const plan = samplePlan({ id: planId(id) }, { totalShares, maxSharesPerOwner });
      await succeed(harness.stores.plans.create(plan));
      return plan;
    };

    it("a reservation and its notice land together; a refused one leaves no notice", async () => {
      const plan = await givenPlan();
      const command = sampleReserveCommand({ plan, owner: "owner_1", shares: 2 });
      await succeed(harness.stores.ownerships.reserve({ ...command, notices: [notice("r1")] }));
      expect(await stored("r1")).toMatchObject({
        dedupeKey: "test#r1",
        kind: "reservation-confirmed",
        params: { planTitle: "Figs", shares: 2 },
      });
      expect(await succeed(harness.outbox.listPending(10))).toHaveLength(1);
      // Over the owner's cap: refused, and its notice with it.
      const over = sampleReserveCommand({ plan, owner: "owner_1", shares: 1 });
      const error = await failWith(
        harness.stores.ownerships.reserve({ ...over, notices: [notice("r2")] }),
      );
      expect(error._tag).toBe("PLAN.OWNER_LIMIT");
      expect(await stored("r2")).toBeUndefined();
    });

    it("a stale cancellation or payment confirmation writes no notice", async () => {
      const plan = await givenPlan();
      const reserved = await succeed(
        harness.stores.ownerships.reserve(
          sampleReserveCommand({ plan, owner: "owner_1", shares: 1 }),
        ),
      );
      const stale = { ...sampleCancelCommand(reserved.ownership), expectedVersion: 99 };
      expect(
        (await failWith(harness.stores.ownerships.cancel({ ...stale, notices: [notice("c1")] })))
          ._tag,
      ).toBe("STORE.VERSION_CONFLICT");
      expect(
        (
          await failWith(
            harness.stores.ownerships.confirmPayment({
              ownership: { ...reserved.ownership, version: reserved.ownership.version + 1 },
              expectedVersion: reserved.ownership.version,
              ledgerEntries: [],
              audit: [],
              notices: [notice("p1")],
            }),
          )
        )._tag,
      ).toBe("STORE.VERSION_CONFLICT");
      expect(await stored("c1")).toBeUndefined();
      expect(await stored("p1")).toBeUndefined();
      await succeed(
        harness.stores.ownerships.cancel({
          ...sampleCancelCommand(reserved.ownership),
          notices: [notice("c1")],
        }),
      );
      expect(await stored("c1")).toMatchObject({ dedupeKey: "test#c1" });
    });

    it("a notice already in the outbox is kept as first written and does not block the change", async () => {
      const plan = await givenPlan();
      await succeed(harness.outbox.enqueue([notice("dup", "first")]));
      const command = sampleReserveCommand({ plan, owner: "owner_1", shares: 1 });
      const outcome = await succeed(
        harness.stores.ownerships.reserve({
          ...command,
          notices: [notice("dup", "second"), notice("new"), notice("new", "repeat in the list")],
        }),
      );
      expect(outcome.kind).toBe("reserved");
      expect(await succeed(harness.stores.ownerships.get(command.ownership.id))).toEqual(
        O.some(command.ownership),
      );
      expect((await stored("dup"))?.subject).toBe("first");
      expect((await stored("new"))?.subject).toBe("about new");
    });

    it("a fan-out trigger lands with its plan change, is never listed to send, and is listed to expand until settled", async () => {
      const plan = await givenPlan();
      const trigger = fanOutTrigger({
        id: "msg_trigger",
        kind: "sales-closed",
        plan,
        at: RESERVATION_TIMES.during,
      });
      await succeed(
        harness.stores.plans.save({ ...plan, title: "Figs 2" }, plan.version, [], [trigger]),
      );
      expect(await succeed(harness.outbox.listPending(10))).toEqual([]);
      const waiting = await succeed(harness.outbox.listPendingFanOuts(10));
      expect(waiting.map((m) => m.dedupeKey)).toEqual([`fan-out#sales-closed#${plan.id}`]);
      expect(waiting[0]?.params).toMatchObject({ planId: plan.id });
      expect(
        await succeed(harness.outbox.markDelivered(trigger.dedupeKey, RESERVATION_TIMES.during)),
      ).toBe("marked");
      expect(await succeed(harness.outbox.listPendingFanOuts(10))).toEqual([]);
    });

    it("a plan change and a waitlist change carry their notices, and a conflict carries none", async () => {
      const plan = await givenPlan();
      const saved = await succeed(
        harness.stores.plans.save({ ...plan, title: "Figs 2" }, plan.version, [], [notice("p")]),
      );
      expect(saved.title).toBe("Figs 2");
      expect(await stored("p")).toBeDefined();
      const conflict = await failWith(
        harness.stores.plans.save({ ...plan, title: "Figs 3" }, plan.version, [], [notice("q")]),
      );
      expect(conflict._tag).toBe("STORE.VERSION_CONFLICT");
      expect(await stored("q")).toBeUndefined();

      const full: Plan = await givenPlan(2, 2, "plan_full");
      await succeed(
        harness.stores.ownerships.reserve(
          sampleReserveCommand({ plan: full, owner: "owner_1", shares: 2 }),
        ),
      );
      const empty = (
        await succeed(harness.stores.waitlists.load(full.id, RESERVATION_TIMES.during))
      ).waitlist;
      const line = withWaiting(empty, "owner_w", 1);
      const change = { before: empty, after: line };
      await succeed(
        harness.stores.waitlists.save(full.id, {
          change,
          sharesOfferedDelta: 0,
          requireSoldOut: true,
          audit: [],
          notices: [notice("w1")],
        }),
      );
      expect(await stored("w1")).toBeDefined();
      // The same change again: the line moved on since `before`.
      const again = await failWith(
        harness.stores.waitlists.save(full.id, {
          change,
          sharesOfferedDelta: 0,
          audit: [],
          notices: [notice("w2")],
        }),
      );
      expect(again._tag).toBe("STORE.VERSION_CONFLICT");
      expect(await stored("w2")).toBeUndefined();
    });
  });
};
