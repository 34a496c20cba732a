import {
  addMillis,
  auditEntry,
  auditEntryId,
  emptyWaitlist,
  expireOffers,
  type Instant,
  offerFreedShares,
  offerId,
  ownerId,
  type Plan,
  planId,
  type Waitlist,
} from "@owners/domain";
import * as O from "fp-ts/lib/Option.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ReservationStores } from "../../ports/reservation-stores.ts";
import type { WaitlistStore } from "../../ports/waitlist-store.ts";
import {
  RESERVATION_TIMES,
  sampleCancelCommand,
  samplePlan,
  sampleReserveCommand,
  withWaiting,
} from "../reservation-fixtures.ts";
import { collectPages, failWith, succeed, tamper } from "./expect-task.ts";
import type { MakeReservationStores, ReservationStoresHarness } from "./reservation-harness.ts";

const TTL = 3_600_000;
const T0 = RESERVATION_TIMES.during;

/** The behaviour every WaitlistStore adapter must share (in-memory, DynamoDB). */
export const describeWaitlistStoreContract = (name: string, makeHarness: MakeReservationStores) => {
  describe(`WaitlistStore contract: ${name}`, () => {
    let harness: ReservationStoresHarness;
    let stores: ReservationStores;
    let waitlists: WaitlistStore;
    beforeEach(async () => {
      harness = await makeHarness();
      stores = harness.subject;
      waitlists = stores.waitlists;
    });
    afterEach(async () => {
      await harness.cleanup();
    });

    const storedPlan = async (id: Plan["id"]) =>
      O.toUndefined(await succeed(stores.plans.get(id))) as Plan;
    /** A plan of `total` shares sold out to owner_s. */
    const soldOutPlan = async (id = "plan_w", total = 3) => {
      const plan = samplePlan({ id: planId(id) }, { totalShares: total, maxSharesPerOwner: total });
      await succeed(stores.plans.create(plan));
      const sold = await succeed(
        stores.ownerships.reserve(
          sampleReserveCommand({ plan, owner: "owner_s", shares: total, id: `own_${id}` }),
        ),
      );
      return { plan, sold: sold.ownership };
    };
    const join = (plan: Plan, before: Waitlist, after: Waitlist) =>
      waitlists.save(plan.id, {
        change: { before, after },
        sharesOfferedDelta: 0,
        requireSoldOut: true,
        audit: [],
      });
    /** Line of owner_1..n (1 share each), then owner_s cancels and its shares are offered at `at`. */
    const offersMade = async (planName: string, waiting: number, at: Instant = T0) => {
      const { plan, sold } = await soldOutPlan(planName, 3);
      let line = emptyWaitlist(plan.id);
      for (let i = 1; i <= waiting; i += 1) {
        const next = withWaiting(line, `owner_${i}`, 1, at);
        await succeed(join(plan, line, next));
        line = next;
      }
      let n = 0;
      const offered = offerFreedShares(line, sold.shares, at, TTL, () =>
        offerId(`offer_${planName}_${++n}`),
      );
      await succeed(
        stores.ownerships.cancel(
          sampleCancelCommand(sold, at, {
            change: { before: line, after: offered.waitlist },
            offeredShares: offered.offeredShares,
          }),
        ),
      );
      return { plan, offered };
    };

    it("loads an empty waitlist at version 1 when nothing is stored", async () => {
      const state = await succeed(waitlists.load(planId("plan_none"), T0));
      expect(state).toEqual({ waitlist: emptyWaitlist(planId("plan_none")), expiredOffers: [] });
    });

    it("joins a sold-out plan's line in order, and refuses a stale version (STORE.VERSION_CONFLICT)", async () => {
      const { plan } = await soldOutPlan();
      const empty = (await succeed(waitlists.load(plan.id, T0))).waitlist;
      const one = withWaiting(empty, "owner_1", 2);
      const saved = await succeed(join(plan, empty, one));
      expect(saved).toEqual(one);
      const two = withWaiting(one, "owner_2", 1, addMillis(T0, 5));
      await succeed(join(plan, one, two));
      expect((await succeed(waitlists.load(plan.id, T0))).waitlist).toEqual(two);
      const lost = withWaiting(one, "owner_3", 1);
      expect((await failWith(join(plan, one, lost)))._tag).toBe("STORE.VERSION_CONFLICT");
      expect((await succeed(waitlists.load(plan.id, T0))).waitlist).toEqual(two);
    });

    it("refuses to join while shares are for sale, on a closed plan, or on no plan, writing nothing", async () => {
      const open = samplePlan({ id: planId("plan_open") });
      await succeed(stores.plans.create(open));
      const empty = emptyWaitlist(open.id);
      const error = await failWith(join(open, empty, withWaiting(empty, "owner_1", 1)));
      expect(error).toMatchObject({
        _tag: "WAITLIST.NOT_SOLD_OUT",
        details: { remaining: open.totalShares },
      });
      const { plan } = await soldOutPlan("plan_closing");
      await succeed(
        stores.plans.save({ ...(await storedPlan(plan.id)), status: "closed" }, plan.version),
      );
      const closedEmpty = emptyWaitlist(plan.id);
      expect(
        (await failWith(join(plan, closedEmpty, withWaiting(closedEmpty, "owner_1", 1))))._tag,
      ).toBe("PLAN.NOT_OPEN");
      const ghost = samplePlan({ id: planId("plan_ghost") });
      const ghostEmpty = emptyWaitlist(ghost.id);
      expect(
        (await failWith(join(ghost, ghostEmpty, withWaiting(ghostEmpty, "owner_1", 1))))._tag,
      ).toBe("PLAN.NOT_FOUND");
      expect((await succeed(waitlists.load(open.id, T0))).waitlist).toEqual(empty);
      expect((await succeed(waitlists.load(plan.id, T0))).waitlist).toEqual(closedEmpty);
    });

    it("removes an entry (leaving the line) and writes audit entries with the change", async () => {
      const { plan } = await soldOutPlan();
      const empty = emptyWaitlist(plan.id);
      const one = withWaiting(withWaiting(empty, "owner_1", 1), "owner_2", 1);
      await succeed(join(plan, empty, one));
      const left = {
        ...one,
        entries: one.entries.filter((e) => e.ownerId !== "owner_1"),
        version: one.version + 1,
      };
      const audit = auditEntry({
        id: auditEntryId("aud_left"),
        at: T0,
        actor: { id: "owner_1", role: "owner" },
        action: "waitlist.offer_expired",
        subject: { type: "offer", id: "entry-1" },
        planId: plan.id,
      });
      await succeed(
        waitlists.save(plan.id, {
          change: { before: one, after: left },
          sharesOfferedDelta: 0,
          audit: [audit],
        }),
      );
      expect(
        (await succeed(waitlists.load(plan.id, T0))).waitlist.entries.map((e) => e.ownerId),
      ).toEqual(["owner_2"]);
      expect(await succeed(stores.audit.listBySubject("offer", "entry-1"))).toEqual([audit]);
    });

    it("lists an owner's places in line across plans, earliest joined first, until it leaves or is served", async () => {
      const later = await soldOutPlan("plan_la");
      const earlier = await soldOutPlan("plan_lb");
      const none = await succeed(waitlists.listEntriesOfOwner(ownerId("owner_2")));
      expect(none).toEqual([]);
      const lineA = withWaiting(
        withWaiting(emptyWaitlist(later.plan.id), "owner_1", 3, addMillis(T0, 5)),
        "owner_2",
        2,
        addMillis(T0, 6),
      );
      await succeed(join(later.plan, emptyWaitlist(later.plan.id), lineA));
      const lineB = withWaiting(emptyWaitlist(earlier.plan.id), "owner_2", 1, T0);
      await succeed(join(earlier.plan, emptyWaitlist(earlier.plan.id), lineB));
      expect(await succeed(waitlists.listEntriesOfOwner(ownerId("owner_2")))).toEqual([
        { ...lineB.entries[0], planId: earlier.plan.id },
        { ...lineA.entries[1], planId: later.plan.id },
      ]);
      expect(
        (await succeed(waitlists.listEntriesOfOwner(ownerId("owner_1")))).map((e) => e.planId),
      ).toEqual([later.plan.id]);
      // owner_2 leaves plan_lb's line; owner_1 is offered plan_la's 3 cancelled shares (an offer
      // is no longer a place in line).
      const leftB = { ...lineB, entries: [], version: lineB.version + 1 };
      await succeed(
        waitlists.save(earlier.plan.id, {
          change: { before: lineB, after: leftB },
          sharesOfferedDelta: 0,
          audit: [],
        }),
      );
      const offered = offerFreedShares(lineA, later.sold.shares, T0, TTL, () =>
        offerId("offer_la"),
      );
      expect(offered.offers.map((o) => o.ownerId)).toEqual(["owner_1"]);
      await succeed(
        stores.ownerships.cancel(
          sampleCancelCommand(later.sold, T0, {
            change: { before: lineA, after: offered.waitlist },
            offeredShares: offered.offeredShares,
          }),
        ),
      );
      expect(await succeed(waitlists.listEntriesOfOwner(ownerId("owner_1")))).toEqual([]);
      expect(await succeed(waitlists.listEntriesOfOwner(ownerId("owner_2")))).toEqual([
        { ...lineA.entries[1], planId: later.plan.id },
      ]);
    });

    it("trusts an offer only while it is live: once expired it is set apart, even though still stored", async () => {
      const { plan, offered } = await offersMade("plan_o", 2);
      const live = await succeed(waitlists.load(plan.id, T0));
      expect(live.waitlist.offers).toEqual(offered.offers);
      expect(live.expiredOffers).toEqual([]);
      expect(
        (await succeed(waitlists.listOffersOfOwner(ownerId("owner_1"), T0))).map((o) => [
          o.id,
          o.planId,
        ]),
      ).toEqual([[offered.offers[0]?.id, plan.id]]);
      const expiry = offered.offers[0]?.expiresAt as Instant;
      const later = await succeed(waitlists.load(plan.id, expiry));
      expect(later.waitlist.offers).toEqual([]);
      expect(later.expiredOffers).toEqual(offered.offers);
      expect(await succeed(waitlists.listOffersOfOwner(ownerId("owner_1"), expiry))).toEqual([]);
    });

    it("withdraws expired offers, releasing their held shares with a negative delta", async () => {
      const { plan, offered } = await offersMade("plan_e", 2);
      expect((await storedPlan(plan.id)).sharesOffered).toBe(2);
      const expiry = offered.offers[0]?.expiresAt as Instant;
      const state = await succeed(waitlists.load(plan.id, expiry));
      const full = {
        ...state.waitlist,
        offers: [...state.waitlist.offers, ...state.expiredOffers],
      };
      const result = expireOffers(full, expiry, TTL, () => offerId("never"));
      expect(result.withdrawnShares).toBe(2);
      await succeed(
        waitlists.save(plan.id, {
          change: { before: full, after: result.waitlist },
          sharesOfferedDelta: result.offeredShares - result.withdrawnShares,
          audit: [],
        }),
      );
      expect((await storedPlan(plan.id)).sharesOffered).toBe(0);
      expect(await succeed(waitlists.load(plan.id, expiry))).toEqual({
        waitlist: result.waitlist,
        expiredOffers: [],
      });
    });

    it("refuses a positive sharesOffered delta (shares are only offered by a cancellation)", async () => {
      const { plan } = await soldOutPlan();
      const empty = emptyWaitlist(plan.id);
      const error = await failWith(
        waitlists.save(plan.id, {
          change: { before: empty, after: { ...empty, version: 2 } },
          sharesOfferedDelta: 1,
          audit: [],
        }),
      );
      expect(error._tag).toBe("VALIDATION.INVALID");
    });

    it("lists the plans holding shares for the line, each once, until nothing is held", async () => {
      /** owner_s cancels; one write offers one share and holds the rest for the line. */
      const holding = async (name: string) => {
        const { plan, sold } = await soldOutPlan(name, 3);
        let line = emptyWaitlist(plan.id);
        for (let i = 1; i <= 3; i += 1) {
          const next = withWaiting(line, `owner_${i}`, 1, T0);
          await succeed(join(plan, line, next));
          line = next;
        }
        const offered = offerFreedShares(line, sold.shares, T0, TTL, () => offerId(`o_${name}`), 1);
        const after = { ...offered.waitlist, heldForLine: offered.unofferedShares };
        await succeed(
          stores.ownerships.cancel(
            sampleCancelCommand(sold, T0, {
              change: { before: line, after },
              offeredShares: offered.offeredShares + offered.unofferedShares,
            }),
          ),
        );
        return { plan, after };
      };
      expect(
        (await collectPages((page) => waitlists.listPlansHoldingForLine(page), 1)).items,
      ).toEqual([]);
      const b = await holding("plan_hb");
      await holding("plan_ha");
      await offersMade("plan_hc", 2);
      expect(await storedPlan(b.plan.id)).toMatchObject({ sharesSold: 0, sharesOffered: 3 });
      for (const limit of [1, 10]) {
        const { items } = await collectPages(
          (page) => waitlists.listPlansHoldingForLine(page),
          limit,
        );
        expect(items).toEqual(["plan_ha", "plan_hb"]);
      }
      // plan_hb's held shares are released: it drops out.
      await succeed(
        waitlists.save(b.plan.id, {
          change: {
            before: b.after,
            after: { ...b.after, heldForLine: 0, version: b.after.version + 1 },
          },
          sharesOfferedDelta: -2,
          audit: [],
        }),
      );
      expect(
        (await collectPages((page) => waitlists.listPlansHoldingForLine(page), 1)).items,
      ).toEqual(["plan_ha"]);
      expect(await storedPlan(b.plan.id)).toMatchObject({ sharesOffered: 1 });
    });

    it("lists every expired offer across plans once, oldest expiry first, with tamper-evident cursors", async () => {
      await offersMade("plan_p", 3, T0);
      await offersMade("plan_q", 2, addMillis(T0, 60_000));
      const now = addMillis(T0, TTL + 60_000);
      for (const limit of [1, 2, 10]) {
        const { items } = await collectPages(
          (page) => waitlists.listExpiredOffers(now, page),
          limit,
        );
        expect(items.map((o) => [o.planId, o.ownerId])).toEqual([
          ["plan_p", "owner_1"],
          ["plan_p", "owner_2"],
          ["plan_p", "owner_3"],
          ["plan_q", "owner_1"],
          ["plan_q", "owner_2"],
        ]);
      }
      const onlyFirst = await collectPages(
        (page) => waitlists.listExpiredOffers(addMillis(T0, TTL), page),
        2,
      );
      expect(onlyFirst.items.map((o) => o.planId)).toEqual(["plan_p", "plan_p", "plan_p"]);
      const page = await succeed(waitlists.listExpiredOffers(now, { limit: 2 }));
      const error = await failWith(
        waitlists.listExpiredOffers(now, { limit: 2, cursor: tamper(page.nextCursor as string) }),
      );
      expect(error._tag).toBe("PAGINATION.INVALID_CURSOR");
    });
  });
};
