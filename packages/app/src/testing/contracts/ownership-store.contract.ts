import {
  addMillis,
  checkBalanced,
  type Instant,
  type Ownership,
  offerFreedShares,
  offerId,
  ownerId,
  ownershipId,
  type Plan,
  planId,
  producerId,
  type Waitlist,
} from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import * as O from "fp-ts/lib/Option.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { OwnershipStore, ReserveCommand } from "../../ports/ownership-store.ts";
import type { ReservationStores } from "../../ports/reservation-stores.ts";
import {
  RESERVATION_TIMES,
  reservationRecords as reservationRecordsOf,
  sampleCancelCommand,
  samplePlan,
  sampleReserveCommand,
  withWaiting,
} from "../reservation-fixtures.ts";
import { collectPages, failWith, succeed, tamper } from "./expect-task.ts";
import type { MakeReservationStores, ReservationStoresHarness } from "./reservation-harness.ts";

const OFFER_TTL_MS = 3_600_000;

/** The behaviour every OwnershipStore adapter must share (in-memory, DynamoDB). */
export const describeOwnershipStoreContract = (
  name: string,
  makeHarness: MakeReservationStores,
) => {
  describe(`OwnershipStore contract: ${name}`, () => {
    let harness: ReservationStoresHarness;
    let stores: ReservationStores;
    let ownerships: OwnershipStore;
    beforeEach(async () => {
      harness = await makeHarness();
      stores = harness.subject;
      ownerships = stores.ownerships;
    });
    afterEach(async () => {
      await harness.cleanup();
    });

    const storedPlan = async (id: Plan["id"]) =>
      O.toUndefined(await succeed(stores.plans.get(id))) as Plan;
    const givenPlan = async (
      overrides: Partial<Plan> = {},
      totalShares = 10,
      maxSharesPerOwner = 3,
    ) => {
      const plan = samplePlan(overrides, { totalShares, maxSharesPerOwner });
      await succeed(stores.plans.create(plan));
      return plan;
    };
    const reserve = async (command: ReserveCommand) => {
      const outcome = await succeed(ownerships.reserve(command));
      expect(outcome.kind).toBe("reserved");
      return outcome.ownership;
    };
    /** Everything a reservation may write, to show a refused one wrote nothing. */
    const snapshot = async (plan: Plan) => ({
      plan: await storedPlan(plan.id),
      ledger: await succeed(stores.ledger.listByPlan(plan.id)),
      audit: await succeed(stores.audit.listByPlan(plan.id)),
      ownerships: (await collectPages((page) => ownerships.listByPlan(plan.id, page), 100)).items,
      waitlist: await succeed(stores.waitlists.load(plan.id, RESERVATION_TIMES.during)),
    });
    /** Sells the plan out to owner_1.. and puts owner_w in line for `wanted` shares. */
    const soldOutWithLine = async (wanted: number) => {
      const plan = await givenPlan({}, 4, 2);
      const a = await reserve(sampleReserveCommand({ plan, owner: "owner_1", shares: 2 }));
      await reserve(sampleReserveCommand({ plan, owner: "owner_2", shares: 2 }));
      const empty = (await succeed(stores.waitlists.load(plan.id, RESERVATION_TIMES.during)))
        .waitlist;
      const line = withWaiting(empty, "owner_w", wanted);
      await succeed(
        stores.waitlists.save(plan.id, {
          change: { before: empty, after: line },
          sharesOfferedDelta: 0,
          requireSoldOut: true,
          audit: [],
        }),
      );
      return { plan, a, line };
    };
    /** owner_1 cancels; the freed shares are offered to the line in the same write. */
    const cancelIntoOffer = async (
      a: Ownership,
      line: Waitlist,
      at: Instant = RESERVATION_TIMES.during,
    ) => {
      let n = 0;
      const offered = offerFreedShares(line, a.shares, at, OFFER_TTL_MS, () =>
        offerId(`offer_${++n}`),
      );
      await succeed(
        ownerships.cancel(
          sampleCancelCommand(a, at, {
            change: { before: line, after: offered.waitlist },
            offeredShares: offered.offeredShares,
          }),
        ),
      );
      return offered;
    };

    it("reserves: stores the ownership, moves the plan's and the owner's counters, appends ledger and audit", async () => {
      const plan = await givenPlan();
      const command = sampleReserveCommand({ plan, owner: "owner_1", shares: 2 });
      const ownership = await reserve(command);
      expect(ownership).toEqual(command.ownership);
      expect(await succeed(ownerships.get(ownership.id))).toEqual(O.some(command.ownership));
      expect(await storedPlan(plan.id)).toMatchObject({
        sharesSold: 2,
        sharesOffered: 0,
        version: plan.version,
      });
      expect(await succeed(ownerships.ownerActiveShares(plan.id, ownerId("owner_1")))).toBe(2);
      const ledger = await succeed(stores.ledger.listByOwnership(plan.id, ownership.id));
      expect(ledger.map((e) => e.id).sort()).toEqual(command.ledgerEntries.map((e) => e.id).sort());
      expect(E.isRight(checkBalanced(ledger))).toBe(true);
      const audit = await succeed(stores.audit.listBySubject("ownership", ownership.id));
      expect(audit.map((e) => e.action).sort()).toEqual(["money.charged", "ownership.reserved"]);
    });

    it("an unknown ownership is none and an owner without ownerships holds 0 shares", async () => {
      expect(await succeed(ownerships.get(ownershipId("own_nope")))).toEqual(O.none);
      expect(
        await succeed(ownerships.ownerActiveShares(planId("plan_nope"), ownerId("owner_x"))),
      ).toBe(0);
    });

    it("replays an existing ownership id: returns the stored one and writes nothing, even once sold out or closed", async () => {
      const plan = await givenPlan({}, 3, 3);
      const first = sampleReserveCommand({ plan, owner: "owner_1", shares: 2 });
      await reserve(first);
      await reserve(sampleReserveCommand({ plan, owner: "owner_2", shares: 1 }));
      const before = await snapshot(plan);
      // Same id, different body (as a retried request with the same key would compute it).
      const replay = await succeed(
        ownerships.reserve({ ...first, ownership: { ...first.ownership, shares: 3 } }),
      );
      expect(replay).toEqual({ kind: "replayed", ownership: first.ownership });
      await succeed(
        stores.plans.save({ ...(await storedPlan(plan.id)), status: "closed" }, plan.version),
      );
      expect((await succeed(ownerships.reserve(first))).kind).toBe("replayed");
      expect({ ...(await snapshot(plan)), plan: undefined }).toEqual({
        ...before,
        plan: undefined,
      });
      expect((await storedPlan(plan.id)).sharesSold).toBe(3);
    });

    it("refuses a plan that is not open (PLAN.NOT_OPEN) or does not exist (PLAN.NOT_FOUND)", async () => {
      for (const status of ["draft", "closed", "cancelled"] as const) {
        const plan = await givenPlan({ id: planId(`plan_${status}`), status });
        const error = await failWith(
          ownerships.reserve(sampleReserveCommand({ plan, owner: "owner_1", shares: 1 })),
        );
        expect(error).toMatchObject({
          _tag: "PLAN.NOT_OPEN",
          details: { planId: plan.id, status },
        });
      }
      const ghost = samplePlan({ id: planId("plan_ghost") });
      const error = await failWith(
        ownerships.reserve(sampleReserveCommand({ plan: ghost, owner: "owner_1", shares: 1 })),
      );
      expect(error._tag).toBe("PLAN.NOT_FOUND");
    });

    it("refuses more shares than are left (PLAN.SOLD_OUT) and writes nothing", async () => {
      const plan = await givenPlan({}, 5, 3);
      await reserve(sampleReserveCommand({ plan, owner: "owner_1", shares: 3 }));
      const before = await snapshot(plan);
      const command = sampleReserveCommand({ plan, owner: "owner_2", shares: 3 });
      const error = await failWith(ownerships.reserve(command));
      expect(error).toMatchObject({
        _tag: "PLAN.SOLD_OUT",
        details: { remaining: 2, requested: 3 },
      });
      expect(await snapshot(plan)).toEqual(before);
      expect(await succeed(ownerships.get(command.ownership.id))).toEqual(O.none);
      expect(await succeed(ownerships.ownerActiveShares(plan.id, ownerId("owner_2")))).toBe(0);
      await reserve(sampleReserveCommand({ plan, owner: "owner_2", shares: 2 }));
      expect((await storedPlan(plan.id)).sharesSold).toBe(5);
    });

    it("refuses going over the per-owner maximum across ownerships (PLAN.OWNER_LIMIT) and writes nothing", async () => {
      const plan = await givenPlan({}, 10, 3);
      await reserve(sampleReserveCommand({ plan, owner: "owner_1", shares: 2, id: "own_a" }));
      const before = await snapshot(plan);
      const error = await failWith(
        ownerships.reserve(
          sampleReserveCommand({ plan, owner: "owner_1", shares: 2, id: "own_b" }),
        ),
      );
      expect(error).toMatchObject({
        _tag: "PLAN.OWNER_LIMIT",
        details: { maxSharesPerOwner: 3, ownerActiveShares: 2, remainingForOwner: 1 },
      });
      expect(await snapshot(plan)).toEqual(before);
      await reserve(sampleReserveCommand({ plan, owner: "owner_1", shares: 1, id: "own_c" }));
      expect(await succeed(ownerships.ownerActiveShares(plan.id, ownerId("owner_1")))).toBe(3);
    });

    it("with expectedSharesSold, refuses once the count moved (STORE.VERSION_CONFLICT)", async () => {
      const plan = await givenPlan();
      await reserve(
        sampleReserveCommand({ plan, owner: "owner_1", shares: 1 }, { expectedSharesSold: 0 }),
      );
      const stale = sampleReserveCommand(
        { plan, owner: "owner_2", shares: 1 },
        { expectedSharesSold: 0 },
      );
      expect((await failWith(ownerships.reserve(stale)))._tag).toBe("STORE.VERSION_CONFLICT");
      expect(await succeed(ownerships.get(stale.ownership.id))).toEqual(O.none);
      await reserve({ ...stale, expectedSharesSold: 1 });
      expect((await storedPlan(plan.id)).sharesSold).toBe(2);
    });

    it("cancels at the expected version: shares return to the plan and the owner, refund entries appended", async () => {
      const plan = await givenPlan();
      const ownership = await reserve(sampleReserveCommand({ plan, owner: "owner_1", shares: 3 }));
      const command = sampleCancelCommand(ownership);
      const cancelled = await succeed(ownerships.cancel(command));
      expect(cancelled).toEqual(command.ownership);
      expect(await succeed(ownerships.get(ownership.id))).toEqual(O.some(command.ownership));
      expect(await storedPlan(plan.id)).toMatchObject({ sharesSold: 0, sharesOffered: 0 });
      expect(await succeed(ownerships.ownerActiveShares(plan.id, ownerId("owner_1")))).toBe(0);
      const ledger = await succeed(stores.ledger.listByOwnership(plan.id, ownership.id));
      expect(ledger).toHaveLength(6);
      expect(E.isRight(checkBalanced(ledger))).toBe(true);
      // The freed shares (and the owner's cap) are available again.
      await reserve(sampleReserveCommand({ plan, owner: "owner_1", shares: 3, id: "own_again" }));
    });

    it("refuses to cancel at a stale version or twice (STORE.VERSION_CONFLICT), or an unknown ownership", async () => {
      const plan = await givenPlan();
      const ownership = await reserve(sampleReserveCommand({ plan, owner: "owner_1", shares: 1 }));
      const stale = sampleCancelCommand({ ...ownership, version: ownership.version + 5 });
      expect((await failWith(ownerships.cancel(stale)))._tag).toBe("STORE.VERSION_CONFLICT");
      await succeed(ownerships.cancel(sampleCancelCommand(ownership)));
      const before = await snapshot(plan);
      expect((await failWith(ownerships.cancel(sampleCancelCommand(ownership))))._tag).toBe(
        "STORE.VERSION_CONFLICT",
      );
      expect(await snapshot(plan)).toEqual(before);
      const ghost = { ...ownership, id: ownershipId("own_ghost") };
      expect((await failWith(ownerships.cancel(sampleCancelCommand(ghost))))._tag).toBe(
        "OWNERSHIP.NOT_FOUND",
      );
    });

    it("a cancellation can offer the freed shares to the line: they are held, not for sale", async () => {
      const { plan, a, line } = await soldOutWithLine(1);
      const offered = await cancelIntoOffer(a, line);
      expect(offered.offeredShares).toBe(1);
      expect(await storedPlan(plan.id)).toMatchObject({ sharesSold: 2, sharesOffered: 1 });
      const state = await succeed(stores.waitlists.load(plan.id, RESERVATION_TIMES.during));
      expect(state.waitlist.entries).toEqual([]);
      expect(state.waitlist.offers).toEqual(offered.offers);
      // One share is free for anyone, the held one is not.
      await reserve(sampleReserveCommand({ plan, owner: "owner_3", shares: 1 }));
      const error = await failWith(
        ownerships.reserve(sampleReserveCommand({ plan, owner: "owner_4", shares: 1 })),
      );
      expect(error._tag).toBe("PLAN.SOLD_OUT");
    });

    it("refuses a cancellation whose waitlist change is stale (STORE.VERSION_CONFLICT) and writes nothing", async () => {
      const { plan, a, line } = await soldOutWithLine(1);
      const before = await snapshot(plan);
      const staleLine = { ...line, version: line.version - 1 };
      const offered = offerFreedShares(
        staleLine,
        a.shares,
        RESERVATION_TIMES.during,
        OFFER_TTL_MS,
        () => offerId("offer_x"),
      );
      const error = await failWith(
        ownerships.cancel(
          sampleCancelCommand(a, RESERVATION_TIMES.during, {
            change: { before: staleLine, after: offered.waitlist },
            offeredShares: offered.offeredShares,
          }),
        ),
      );
      expect(error._tag).toBe("STORE.VERSION_CONFLICT");
      expect(await snapshot(plan)).toEqual(before);
    });

    it("accepting a live offer turns its held shares into sold ones and removes the offer", async () => {
      const { plan, a, line } = await soldOutWithLine(2);
      const offered = await cancelIntoOffer(a, line);
      const offer = offered.offers[0] as (typeof offered.offers)[number];
      const now = addMillis(RESERVATION_TIMES.during, 1000);
      const after = { ...offered.waitlist, offers: [], version: offered.waitlist.version + 1 };
      const command = sampleReserveCommand(
        { plan, owner: "owner_w", shares: offer.shares, at: now },
        { fromOffer: { offerId: offer.id, now, waitlist: { before: offered.waitlist, after } } },
      );
      await reserve(command);
      expect(await storedPlan(plan.id)).toMatchObject({ sharesSold: 4, sharesOffered: 0 });
      const state = await succeed(stores.waitlists.load(plan.id, now));
      expect(state.waitlist.offers).toEqual([]);
      expect(state.waitlist.version).toBe(after.version);
      expect(await succeed(ownerships.ownerActiveShares(plan.id, ownerId("owner_w")))).toBe(2);
    });

    it("accepting an offer with expectedSharesSold refuses once the count moved (STORE.VERSION_CONFLICT)", async () => {
      const { plan, a, line } = await soldOutWithLine(1);
      // One freed share is offered to owner_w, the other is sold to owner_3 meanwhile.
      const offered = await cancelIntoOffer(a, line);
      const offer = offered.offers[0] as (typeof offered.offers)[number];
      await reserve(sampleReserveCommand({ plan, owner: "owner_3", shares: 1 }));
      const before = await snapshot(plan);
      const after = { ...offered.waitlist, offers: [], version: offered.waitlist.version + 1 };
      const stale = sampleReserveCommand(
        { plan, owner: "owner_w", shares: offer.shares },
        {
          expectedSharesSold: 2,
          fromOffer: {
            offerId: offer.id,
            now: RESERVATION_TIMES.during,
            waitlist: { before: offered.waitlist, after },
          },
        },
      );
      expect((await failWith(ownerships.reserve(stale)))._tag).toBe("STORE.VERSION_CONFLICT");
      expect(await snapshot(plan)).toEqual(before);
      await reserve({ ...stale, expectedSharesSold: 3 });
      expect(await storedPlan(plan.id)).toMatchObject({ sharesSold: 4, sharesOffered: 0 });
    });

    it("never honours an expired offer, even while it is still stored (WAITLIST.OFFER_EXPIRED)", async () => {
      const { plan, a, line } = await soldOutWithLine(2);
      const offered = await cancelIntoOffer(a, line);
      const offer = offered.offers[0] as (typeof offered.offers)[number];
      const late = offer.expiresAt;
      const before = await snapshot(plan);
      const after = { ...offered.waitlist, offers: [], version: offered.waitlist.version + 1 };
      const command = sampleReserveCommand(
        { plan, owner: "owner_w", shares: offer.shares, at: late },
        {
          fromOffer: {
            offerId: offer.id,
            now: late,
            waitlist: { before: offered.waitlist, after },
          },
        },
      );
      expect((await failWith(ownerships.reserve(command)))._tag).toBe("WAITLIST.OFFER_EXPIRED");
      expect(await snapshot(plan)).toEqual(before);
    });

    it("refuses an unknown offer or another owner's offer (WAITLIST.OFFER_NOT_FOUND)", async () => {
      const { plan, a, line } = await soldOutWithLine(2);
      const offered = await cancelIntoOffer(a, line);
      const offer = offered.offers[0] as (typeof offered.offers)[number];
      const after = { ...offered.waitlist, offers: [], version: offered.waitlist.version + 1 };
      const change = { before: offered.waitlist, after };
      const unknown = sampleReserveCommand(
        { plan, owner: "owner_w", shares: offer.shares },
        {
          fromOffer: {
            offerId: offerId("offer_nope"),
            now: RESERVATION_TIMES.during,
            waitlist: change,
          },
        },
      );
      expect((await failWith(ownerships.reserve(unknown)))._tag).toBe("WAITLIST.OFFER_NOT_FOUND");
      const thief = sampleReserveCommand(
        { plan, owner: "owner_3", shares: offer.shares },
        { fromOffer: { offerId: offer.id, now: RESERVATION_TIMES.during, waitlist: change } },
      );
      expect((await failWith(ownerships.reserve(thief)))._tag).toBe("WAITLIST.OFFER_NOT_FOUND");
    });

    it("lists an owner's ownerships newest first and a plan's in reservation order, each exactly once", async () => {
      const plans = [
        await givenPlan({ id: planId("plan_x") }, 20, 20),
        await givenPlan({ id: planId("plan_y") }, 20, 20),
      ];
      const made: Ownership[] = [];
      for (let i = 0; i < 7; i += 1) {
        const plan = plans[i % 2] as Plan;
        const at = addMillis(RESERVATION_TIMES.during, i * 1000);
        made.push(
          await reserve(
            sampleReserveCommand({
              plan,
              owner: i < 5 ? "owner_1" : "owner_2",
              shares: 1,
              id: `own_${i}`,
              at,
            }),
          ),
        );
      }
      for (const limit of [1, 2, 3, 100]) {
        const mine = await collectPages(
          (page) => ownerships.listByOwner(ownerId("owner_1"), page),
          limit,
        );
        expect(mine.items.map((o) => o.id)).toEqual(["own_4", "own_3", "own_2", "own_1", "own_0"]);
        const ofX = await collectPages(
          (page) => ownerships.listByPlan(planId("plan_x"), page),
          limit,
        );
        expect(ofX.items.map((o) => o.id)).toEqual(["own_0", "own_2", "own_4", "own_6"]);
      }
      const first = await succeed(ownerships.listByOwner(ownerId("owner_1"), { limit: 2 }));
      const cursor = first.nextCursor as string;
      expect(
        (
          await failWith(
            ownerships.listByOwner(ownerId("owner_1"), { limit: 2, cursor: tamper(cursor) }),
          )
        )._tag,
      ).toBe("PAGINATION.INVALID_CURSOR");
      expect(
        (await failWith(ownerships.listByOwner(ownerId("owner_2"), { limit: 2, cursor })))._tag,
      ).toBe("PAGINATION.INVALID_CURSOR");
    });

    it("lists an owner's ownerships of one producer's plans, cancelled ones included", async () => {
      const a1 = await givenPlan({ id: planId("plan_a1"), producerId: producerId("producer_a") });
      const a2 = await givenPlan({ id: planId("plan_a2"), producerId: producerId("producer_a") });
      const b1 = await givenPlan({ id: planId("plan_b1"), producerId: producerId("producer_b") });
      const x = await reserve(
        sampleReserveCommand({ plan: a1, owner: "owner_1", shares: 1, id: "own_x" }),
      );
      await reserve(
        sampleReserveCommand({
          plan: a2,
          owner: "owner_1",
          shares: 1,
          id: "own_y",
          at: addMillis(RESERVATION_TIMES.during, 1),
        }),
      );
      await reserve(sampleReserveCommand({ plan: b1, owner: "owner_1", shares: 1, id: "own_z" }));
      await reserve(sampleReserveCommand({ plan: a1, owner: "owner_2", shares: 1, id: "own_w" }));
      await succeed(ownerships.cancel(sampleCancelCommand(x)));
      const found = await succeed(
        ownerships.listByOwnerAndProducer(ownerId("owner_1"), producerId("producer_a")),
      );
      expect(found.map((o) => [o.id, o.status])).toEqual([
        ["own_x", "cancelled"],
        ["own_y", "active"],
      ]);
      expect(
        await succeed(
          ownerships.listByOwnerAndProducer(ownerId("owner_3"), producerId("producer_a")),
        ),
      ).toEqual([]);
    });

    /** A reservation held unpaid: its checkout open, nothing on the books yet. */
    const pendingCommand = (
      plan: Plan,
      owner: string,
      shares: number,
      at = RESERVATION_TIMES.during,
    ) => {
      const base = sampleReserveCommand({
        plan,
        owner,
        shares,
        at,
        id: `own_${plan.id}_${owner}_${at}`,
      });
      const end = addMillis(at, 30 * 60_000);
      const ownership: Ownership = {
        ...base.ownership,
        status: "pending_payment",
        holdExpiresAt: end,
        payment: {
          id: `cs_${base.ownership.id}`,
          status: "pending",
          checkoutUrl: "https://pay.example/c",
          expiresAt: end,
          amountYen: base.ownership.quote.totalYen,
        },
      };
      return { ...base, ownership, ledgerEntries: [], audit: [] };
    };
    const paidVersionOf = (o: Ownership): Ownership => ({
      ...o,
      status: "active",
      payment: {
        id: o.payment?.id ?? "?",
        status: "succeeded",
        expiresAt: o.payment?.expiresAt ?? o.reservedAt,
        amountYen: o.quote.totalYen,
        paymentIntentId: `pi_${o.id}`,
      },
      version: o.version + 1,
    });

    it("a pending hold counts as sold and against the cap but is not owned until paid; paid once", async () => {
      const plan = await givenPlan({}, 10, 3);
      const hold = await reserve(pendingCommand(plan, "owner_1", 2));
      expect(await storedPlan(plan.id)).toMatchObject({ sharesSold: 2 });
      expect(await succeed(ownerships.ownerHeldShares(plan.id, ownerId("owner_1")))).toBe(2);
      expect(await succeed(ownerships.ownerActiveShares(plan.id, ownerId("owner_1")))).toBe(0);
      expect(await succeed(stores.ledger.listByPlan(plan.id))).toEqual([]);
      const over = pendingCommand(plan, "owner_1", 2, addMillis(RESERVATION_TIMES.during, 1));
      expect(
        (
          await failWith(
            ownerships.confirmPayment({
              ownership: paidVersionOf(hold),
              expectedVersion: 7,
              ledgerEntries: [],
              audit: [],
            }),
          )
        )._tag,
      ).toBe("STORE.VERSION_CONFLICT");
      expect((await failWith(ownerships.reserve(over)))._tag).toBe("PLAN.OWNER_LIMIT");

      const charge = reservationRecordsOf(hold);
      const paid = paidVersionOf(hold);
      const confirmed = await succeed(
        ownerships.confirmPayment({ ownership: paid, expectedVersion: hold.version, ...charge }),
      );
      expect(confirmed).toEqual(paid);
      expect(await succeed(ownerships.get(hold.id))).toEqual(O.some(paid));
      expect(await succeed(ownerships.ownerActiveShares(plan.id, ownerId("owner_1")))).toBe(2);
      expect(await succeed(ownerships.ownerHeldShares(plan.id, ownerId("owner_1")))).toBe(2);
      expect(await storedPlan(plan.id)).toMatchObject({ sharesSold: 2 });
      const ledger = await succeed(stores.ledger.listByPlan(plan.id));
      expect(ledger.map((e) => e.kind).sort()).toEqual(["charge", "fee", "payout"]);
      // Once active it cannot be confirmed again; its PaymentIntent finds it; its hold is over.
      expect(
        (
          await failWith(
            ownerships.confirmPayment({
              ownership: paidVersionOf(paid),
              expectedVersion: paid.version,
              ledgerEntries: [],
              audit: [],
            }),
          )
        )._tag,
      ).toBe("STORE.VERSION_CONFLICT");
      expect(await succeed(ownerships.findByPaymentIntent(`pi_${hold.id}`))).toEqual(O.some(paid));
      expect(await succeed(ownerships.findByPaymentIntent("pi_nope"))).toEqual(O.none);
      expect(
        await succeed(
          ownerships.listExpiredHolds(addMillis(RESERVATION_TIMES.during, 3_600_000), 10),
        ),
      ).toEqual([]);
      // Cancelling the paid ownership gives back both counts.
      await succeed(
        ownerships.cancel({
          ...sampleCancelCommand({ ...paid, version: paid.version }),
          ledgerEntries: [],
          audit: [],
        }),
      );
      expect(await succeed(ownerships.ownerActiveShares(plan.id, ownerId("owner_1")))).toBe(0);
      expect(await succeed(ownerships.ownerHeldShares(plan.id, ownerId("owner_1")))).toBe(0);
    });

    it("lists holds whose time is up, oldest first; releasing one frees its shares and its count", async () => {
      const plan = await givenPlan({}, 10, 3);
      const first = await reserve(pendingCommand(plan, "owner_1", 2));
      const second = await reserve(
        pendingCommand(plan, "owner_2", 1, addMillis(RESERVATION_TIMES.during, 60_000)),
      );
      const between = addMillis(RESERVATION_TIMES.during, 30 * 60_000);
      const after = addMillis(RESERVATION_TIMES.during, 31 * 60_000);
      expect(await succeed(ownerships.listExpiredHolds(RESERVATION_TIMES.during, 10))).toEqual([]);
      expect((await succeed(ownerships.listExpiredHolds(between, 10))).map((o) => o.id)).toEqual([
        first.id,
      ]);
      expect((await succeed(ownerships.listExpiredHolds(after, 10))).map((o) => o.id)).toEqual([
        first.id,
        second.id,
      ]);
      expect((await succeed(ownerships.listExpiredHolds(after, 1))).map((o) => o.id)).toEqual([
        first.id,
      ]);

      const released: Ownership = {
        ...first,
        status: "payment_failed",
        payment: { ...(first.payment as NonNullable<Ownership["payment"]>), status: "expired" },
        version: first.version + 1,
      };
      // A hold is released from pending_payment, never as if it were paid.
      expect(
        (
          await failWith(
            ownerships.cancel({
              ownership: released,
              expectedVersion: first.version,
              ledgerEntries: [],
              audit: [],
            }),
          )
        )._tag,
      ).toBe("STORE.VERSION_CONFLICT");
      const done = await succeed(
        ownerships.cancel({
          ownership: released,
          expectedVersion: first.version,
          expectedStatus: "pending_payment",
          ledgerEntries: [],
          audit: [],
        }),
      );
      expect(done.status).toBe("payment_failed");
      const stored = O.toUndefined(await succeed(ownerships.get(first.id)));
      expect(stored).toMatchObject({ status: "payment_failed", payment: { status: "expired" } });
      expect(stored?.payment?.checkoutUrl).toBe("https://pay.example/c");
      expect(await storedPlan(plan.id)).toMatchObject({ sharesSold: 1 });
      expect(await succeed(ownerships.ownerHeldShares(plan.id, ownerId("owner_1")))).toBe(0);
      expect((await succeed(ownerships.listExpiredHolds(after, 10))).map((o) => o.id)).toEqual([
        second.id,
      ]);
    });

    it("finds by its PaymentIntent an ownership whose payment an amend recorded (money that came too late)", async () => {
      const plan = await givenPlan({}, 10, 3);
      const hold = await reserve(pendingCommand(plan, "owner_1", 1));
      const holdPayment = hold.payment as NonNullable<Ownership["payment"]>;
      const released = await succeed(
        ownerships.cancel({
          ownership: {
            ...hold,
            status: "payment_failed",
            payment: { ...holdPayment, status: "expired" },
            version: hold.version + 1,
          },
          expectedVersion: hold.version,
          expectedStatus: "pending_payment",
          ledgerEntries: [],
          audit: [],
        }),
      );
      // The payment succeeded after the hold ended: it is recorded (and refunded) on the ownership.
      const late = await succeed(
        ownerships.amend({
          ownership: {
            ...released,
            payment: { ...holdPayment, status: "succeeded", paymentIntentId: "pi_late" },
            version: released.version + 1,
          },
          expectedVersion: released.version,
          ledgerEntries: [],
          audit: [],
        }),
      );
      // A dispute of that payment must find whose it was.
      expect(await succeed(ownerships.findByPaymentIntent("pi_late"))).toEqual(O.some(late));
    });

    it("amends an ownership at its version without moving shares; refuses a stale one or a status change", async () => {
      const plan = await givenPlan({}, 10, 3);
      const hold = await reserve(pendingCommand(plan, "owner_1", 1));
      const { checkoutUrl: _gone, ...payment } = hold.payment as NonNullable<Ownership["payment"]>;
      const amended: Ownership = { ...hold, payment, disputed: true, version: 2 };
      expect(
        await succeed(
          ownerships.amend({
            ownership: amended,
            expectedVersion: 1,
            ledgerEntries: [],
            audit: [],
          }),
        ),
      ).toEqual(amended);
      expect(await succeed(ownerships.get(hold.id))).toEqual(O.some(amended));
      expect(
        (
          await failWith(
            ownerships.amend({
              ownership: { ...amended, version: 3 },
              expectedVersion: 1,
              ledgerEntries: [],
              audit: [],
            }),
          )
        )._tag,
      ).toBe("STORE.VERSION_CONFLICT");
      expect(
        (
          await failWith(
            ownerships.amend({
              ownership: { ...amended, status: "active", version: 3 },
              expectedVersion: 2,
              ledgerEntries: [],
              audit: [],
            }),
          )
        )._tag,
      ).toBe("STORE.VERSION_CONFLICT");
      expect(
        (
          await failWith(
            ownerships.amend({
              ownership: { ...amended, id: ownershipId("own_nope") },
              expectedVersion: 2,
              ledgerEntries: [],
              audit: [],
            }),
          )
        )._tag,
      ).toBe("OWNERSHIP.NOT_FOUND");
      expect(await storedPlan(plan.id)).toMatchObject({ sharesSold: 1 });
    });

    it("lists the ownerships an amendment flagged disputed, and only those", async () => {
      const plan = await givenPlan({}, 10, 3);
      const held = [
        await reserve(pendingCommand(plan, "owner_1", 1)),
        await reserve(pendingCommand(plan, "owner_2", 1)),
        await reserve(pendingCommand(plan, "owner_3", 1)),
      ];
      expect((await succeed(ownerships.listDisputed({ limit: 10 }))).items).toEqual([]);
      const flag = (o: Ownership, disputed: boolean) =>
        succeed(
          ownerships.amend({
            ownership: { ...o, ...(disputed ? { disputed } : {}), version: o.version + 1 },
            expectedVersion: o.version,
            ledgerEntries: [],
            audit: [],
          }),
        );
      const [a, b, c] = held as [Ownership, Ownership, Ownership];
      const flagged = [await flag(a, true), await flag(c, true)];
      await flag(b, false);
      const { items, pages } = await collectPages((p) => ownerships.listDisputed(p), 1);
      expect(pages).toBe(2);
      expect(items).toEqual([...flagged].sort((x, y) => (x.id < y.id ? -1 : 1)));
      // A later amendment of a disputed ownership is what the list shows.
      const again = await flag(flagged[0] as Ownership, true);
      const after = await collectPages((p) => ownerships.listDisputed(p), 10);
      expect(after.items.find((o) => o.id === again.id)).toEqual(again);
      expect(after.items).toHaveLength(2);
    });
  });
};
