/**
 * Model-based test of reservation + cancellation + waitlist + offer expiry together.
 * The model is a deliberately naive reference (plain counters and arrays); after every
 * command the real state must agree with it and satisfy the invariants.
 */
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import type { Plan } from "../plans/plan.ts";
import { ownershipOf, planIn, T } from "../plans/terms.fixtures.ts";
import type { Ownership } from "../reservations/ownership.ts";
import {
  applyReservation,
  decideCancellation,
  decideReservation,
  sharesAvailable,
} from "../reservations/reservation.ts";
import { type OwnerId, offerId, ownerId, ownershipId } from "../shared/ids.ts";
import { addMillis, type Instant, millisOf } from "../shared/time.ts";
import {
  acceptOffer,
  emptyWaitlist,
  expireOffers,
  heldShares,
  joinWaitlist,
  leaveWaitlist,
  offerFreedShares,
  type Waitlist,
  withHeldShares,
} from "./waitlist.ts";

const TTL = 1_000;
const OWNERS: OwnerId[] = ["a", "b", "c", "d", "e"].map(ownerId);

interface Model {
  readonly total: number;
  readonly max: number;
  now: number;
  /** Active ownerships as [owner, shares], in reservation order. */
  holdings: [OwnerId, number][];
  queue: { owner: OwnerId; shares: number }[];
  offers: { owner: OwnerId; shares: number; expiresAt: number }[];
}

interface Real {
  plan: Plan;
  waitlist: Waitlist;
  ownerships: Ownership[];
  now: Instant;
  ids: number;
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const modelActive = (m: Model, owner: OwnerId) =>
  sum(m.holdings.filter(([o]) => o === owner).map(([, s]) => s));
const modelAvailable = (m: Model) =>
  m.total - sum(m.holdings.map(([, s]) => s)) - sum(m.offers.map((o) => o.shares));
/** Reference FIFO: the head takes min(wanted, free) and leaves the line. */
const modelOffer = (m: Model, freed: number) => {
  let free = freed;
  while (free > 0 && m.queue.length > 0) {
    const head = m.queue.shift() as { owner: OwnerId; shares: number };
    const shares = Math.min(head.shares, free);
    m.offers.push({ owner: head.owner, shares, expiresAt: m.now + TTL });
    free -= shares;
  }
};

/** The exact error code the model predicts for a buyer action, or "ok". */
const modelOpen = (m: Model) => m.now < millisOf(T.closes);
const modelCanCancel = (m: Model) => m.now <= millisOf(T.cancellationDeadline);
const tagOf = (result: E.Either<{ _tag: string }, unknown>) =>
  E.isLeft(result) ? result.left._tag : "ok";

const realActive = (r: Real, owner: OwnerId) =>
  sum(
    r.ownerships.filter((o) => o.ownerId === owner && o.status === "active").map((o) => o.shares),
  );
const nextOfferId = (r: Real) => () => offerId(`offer-${++r.ids}`);

const checkInvariants = (m: Model, r: Real) => {
  const { plan, waitlist } = r;
  const active = r.ownerships.filter((o) => o.status === "active");
  expect(plan.sharesSold).toBe(sum(active.map((o) => o.shares)));
  expect(plan.sharesOffered).toBe(heldShares(waitlist));
  expect(plan.sharesSold + plan.sharesOffered).toBeLessThanOrEqual(plan.totalShares);
  for (const owner of OWNERS)
    expect(realActive(r, owner)).toBeLessThanOrEqual(plan.maxSharesPerOwner);
  // While anyone waits, nothing is for sale to the public.
  if (waitlist.entries.length > 0) expect(sharesAvailable(plan)).toBe(0);
  const seqs = waitlist.entries.map((e) => e.seq);
  expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
  expect(new Set(waitlist.entries.map((e) => e.ownerId)).size).toBe(waitlist.entries.length);
  // Agreement with the reference model.
  expect(plan.sharesSold).toBe(sum(m.holdings.map(([, s]) => s)));
  expect(waitlist.entries.map((e) => [e.ownerId, e.shares])).toEqual(
    m.queue.map((q) => [q.owner, q.shares]),
  );
  expect(waitlist.offers.map((o) => [o.ownerId, o.shares, millisOf(o.expiresAt)])).toEqual(
    m.offers.map((o) => [o.owner, o.shares, o.expiresAt]),
  );
};

type Cmd = fc.Command<Model, Real>;
const command = (name: string, run: (m: Model, r: Real) => void): Cmd => ({
  check: () => true,
  run: (m, r) => {
    run(m, r);
    checkInvariants(m, r);
  },
  toString: () => name,
});

const reserve = (owner: OwnerId, shares: number) =>
  command(`reserve(${owner},${shares})`, (m, r) => {
    const expected = !modelOpen(m)
      ? "PLAN.NOT_OPEN"
      : shares > modelAvailable(m)
        ? "PLAN.SOLD_OUT"
        : modelActive(m, owner) + shares > m.max
          ? "PLAN.OWNER_LIMIT"
          : "ok";
    const decision = decideReservation({
      plan: r.plan,
      now: r.now,
      ownerId: owner,
      shares,
      ownerActiveShares: realActive(r, owner),
      isReturningOwner: false,
    });
    expect(tagOf(decision)).toBe(expected);
    if (E.isLeft(decision)) return;
    r.plan = applyReservation(r.plan, shares, r.now);
    r.ownerships.push({
      ...ownershipOf(r.plan, owner, shares),
      id: ownershipId(`own-${++r.ids}`),
      reservedAt: r.now,
    });
    m.holdings.push([owner, shares]);
  });

/**
 * Someone cancels the pick-th active ownership: its holder, another owner (refused), or the
 * holder again on an ownership already cancelled (refused). Freed shares go to the line.
 */
const cancel = (pick: number, actor: "holder" | "other" | "again") =>
  command(`cancel(#${pick},${actor})`, (m, r) => {
    const active = r.ownerships.filter((o) => o.status === "active");
    expect(active.length).toBe(m.holdings.length);
    const cancelled = r.ownerships.filter((o) => o.status !== "active");
    if (actor === "again") {
      const target = cancelled[pick % Math.max(1, cancelled.length)];
      if (target === undefined) return;
      const again = decideCancellation({
        plan: r.plan,
        ownership: target,
        actorOwnerId: target.ownerId,
        now: r.now,
      });
      expect(tagOf(again)).toBe("OWNERSHIP.NOT_ACTIVE");
      return;
    }
    if (active.length === 0) return;
    const index = pick % active.length;
    const target = active[index] as Ownership;
    const other = OWNERS.find((o) => o !== target.ownerId) as OwnerId;
    const decision = decideCancellation({
      plan: r.plan,
      ownership: target,
      actorOwnerId: actor === "other" ? other : target.ownerId,
      now: r.now,
    });
    // The deadline is inclusive: cancelling at exactly the deadline still works.
    expect(tagOf(decision)).toBe(
      actor === "other"
        ? "OWNERSHIP.NOT_OWNER"
        : modelCanCancel(m)
          ? "ok"
          : "OWNERSHIP.CANCELLATION_CLOSED",
    );
    if (E.isLeft(decision)) return;
    r.ownerships = r.ownerships.map((o) => (o.id === target.id ? decision.right.ownership : o));
    const offered = offerFreedShares(
      r.waitlist,
      decision.right.freedShares,
      r.now,
      TTL,
      nextOfferId(r),
    );
    r.waitlist = offered.waitlist;
    r.plan = withHeldShares(decision.right.plan, r.waitlist, r.now);
    const [[holder, freed]] = m.holdings.splice(index, 1) as [[OwnerId, number]];
    expect([target.ownerId, target.shares]).toEqual([holder, freed]);
    modelOffer(m, freed);
  });

const join = (owner: OwnerId, shares: number) =>
  command(`join(${owner},${shares})`, (m, r) => {
    const expected = !modelOpen(m)
      ? "PLAN.NOT_OPEN"
      : modelAvailable(m) > 0
        ? "WAITLIST.NOT_SOLD_OUT"
        : m.queue.some((q) => q.owner === owner) ||
            m.offers.some((o) => o.owner === owner && m.now < o.expiresAt)
          ? "WAITLIST.ALREADY_WAITING"
          : modelActive(m, owner) + shares > m.max
            ? "PLAN.OWNER_LIMIT"
            : "ok";
    const result = joinWaitlist({
      waitlist: r.waitlist,
      plan: r.plan,
      ownerId: owner,
      shares,
      ownerActiveShares: realActive(r, owner),
      isReturningOwner: false,
      now: r.now,
    });
    expect(tagOf(result)).toBe(expected);
    if (E.isLeft(result)) return;
    r.waitlist = result.right;
    m.queue.push({ owner, shares });
  });

const leave = (owner: OwnerId) =>
  command(`leave(${owner})`, (m, r) => {
    const result = leaveWaitlist(r.waitlist, owner);
    expect(tagOf(result)).toBe(
      m.queue.some((q) => q.owner === owner) ? "ok" : "WAITLIST.NOT_WAITING",
    );
    if (E.isLeft(result)) return;
    r.waitlist = result.right;
    m.queue = m.queue.filter((q) => q.owner !== owner);
  });

/**
 * An owner accepts their first stored offer: `who` picks the owner of the pick-th stored
 * offer, or (when no offer exists at that pick) a fixed owner, who tries a made-up id.
 */
const accept = (pick: number, fallback: OwnerId) =>
  command(`accept(#${pick},${fallback})`, (m, r) => {
    const owner = r.waitlist.offers[pick]?.ownerId ?? fallback;
    const offer = r.waitlist.offers.find((o) => o.ownerId === owner);
    const index = m.offers.findIndex((o) => o.owner === owner);
    const modelOfferOf = m.offers[index];
    const result = acceptOffer({
      waitlist: r.waitlist,
      plan: r.plan,
      offerId: offer?.id ?? offerId("missing"),
      ownerId: owner,
      ownerActiveShares: realActive(r, owner),
      now: r.now,
    });
    if (modelOfferOf === undefined) {
      expect(E.isLeft(result) && result.left._tag).toBe("WAITLIST.OFFER_NOT_FOUND");
      return;
    }
    const expected =
      m.now >= modelOfferOf.expiresAt
        ? "WAITLIST.OFFER_EXPIRED"
        : !modelOpen(m)
          ? "PLAN.NOT_OPEN"
          : modelActive(m, owner) + modelOfferOf.shares > m.max
            ? "PLAN.OWNER_LIMIT"
            : "ok";
    expect(tagOf(result)).toBe(expected);
    if (E.isLeft(result)) return;
    r.waitlist = result.right.waitlist;
    r.plan = result.right.plan;
    r.ownerships.push({
      ...ownershipOf(r.plan, owner, result.right.offer.shares),
      id: ownershipId(`own-${++r.ids}`),
      reservedAt: r.now,
    });
    m.offers.splice(index, 1);
    m.holdings.push([owner, modelOfferOf.shares]);
  });

const tick = (ms: number) =>
  command(`tick(${ms})`, (m, r) => {
    r.now = addMillis(r.now, ms);
    m.now += ms;
  });

/** Time jumps (forward only) to just before, at or just after the cancellation deadline or close. */
const leap = (target: number) =>
  command(`leap(${new Date(target).toISOString()})`, (m, r) => {
    const ms = Math.max(0, target - m.now);
    r.now = addMillis(r.now, ms);
    m.now += ms;
  });
const leapTargets = [T.cancellationDeadline, T.closes].flatMap((t) =>
  [-TTL / 2, -1, 0, 1].map((d) => millisOf(t) + d),
);

const expire = () =>
  command("expire", (m, r) => {
    const result = expireOffers(r.waitlist, r.now, TTL, nextOfferId(r));
    r.waitlist = result.waitlist;
    r.plan = withHeldShares(r.plan, r.waitlist, r.now);
    const expired = m.offers.filter((o) => o.expiresAt <= m.now);
    m.offers = m.offers.filter((o) => o.expiresAt > m.now);
    expect(result.withdrawnShares).toBe(sum(expired.map((o) => o.shares)));
    modelOffer(m, result.withdrawnShares);
  });

const owner = fc.constantFrom(...OWNERS);
const shares = fc.integer({ min: 1, max: 3 });
const reserveArb = fc.tuple(owner, shares).map(([o, s]) => reserve(o, s));
const joinArb = fc.tuple(owner, shares).map(([o, s]) => join(o, s));
const cancelArb = fc
  .tuple(
    fc.nat(7),
    fc.constantFrom("holder", "holder", "other", "again") as fc.Arbitrary<
      "holder" | "other" | "again"
    >,
  )
  .map(([pick, actor]) => cancel(pick, actor));
const acceptArb = fc.tuple(fc.nat(2), owner).map(([pick, o]) => accept(pick, o));
// Repeats weight the choice so that plans sell out, lines form and offers get answered often.
const commands = fc.commands(
  [
    reserveArb,
    reserveArb,
    reserveArb,
    cancelArb,
    cancelArb,
    joinArb,
    joinArb,
    owner.map(leave),
    acceptArb,
    acceptArb,
    // Leaps are a rare kind of time passing, so most of a run happens while sales are open.
    fc.oneof(
      {
        weight: 4,
        arbitrary: fc
          .oneof(fc.integer({ min: 1, max: TTL / 4 }), fc.constantFrom(TTL - 1, TTL))
          .map(tick),
      },
      { weight: 1, arbitrary: fc.constantFrom(...leapTargets).map(leap) },
    ),
    fc.constant(null).map(expire),
  ],
  // "max" size: fast-check's default makes runs of a handful of commands, too few to sell out.
  { maxCommands: 60, size: "max" },
);

describe("reservation + waitlist model", () => {
  it("agrees with the reference model and keeps every invariant after every step", () => {
    fc.assert(
      fc.property(
        // max >= total / 3 so that a few owners can sell the plan out and others must wait.
        fc.integer({ min: 1, max: 6 }).chain((total) =>
          fc.record({
            total: fc.constant(total),
            max: fc.integer({ min: Math.ceil(total / 3), max: total }),
          }),
        ),
        commands,
        ({ total, max }, cmds) => {
          const plan = planIn("open", {}, { totalShares: total, maxSharesPerOwner: max });
          const model: Model = {
            total,
            max,
            now: millisOf(T.opens),
            holdings: [],
            queue: [],
            offers: [],
          };
          const real: Real = {
            plan,
            waitlist: emptyWaitlist(plan.id),
            ownerships: [],
            now: T.opens,
            ids: 0,
          };
          fc.modelRun(() => ({ model, real }), cmds);
        },
      ),
      { numRuns: 500 },
    );
  });
});
