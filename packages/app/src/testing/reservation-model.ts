import type { MemoryPaymentGateway } from "@owners/adapter-memory";
import {
  addMillis,
  checkBalanced,
  type Instant,
  type Ownership,
  ownerId,
  ownershipId,
  type Plan,
} from "@owners/domain";
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../actor.ts";
import type { AppError } from "../errors.ts";
import { expireUnpaidHolds } from "../payments/expire-unpaid-holds.ts";
import type { PaymentEvent } from "../ports/payment-gateway.ts";
import type { ReservationStores } from "../ports/reservation-stores.ts";
import { cancelOwnership } from "../reservations/cancel-ownership.ts";
import type { ReservationConfig } from "../reservations/reservation-deps.ts";
import { reserveShares } from "../reservations/reserve-shares.ts";
import { acceptOffer } from "../waitlist/accept-offer.ts";
import { expireOffers } from "../waitlist/expire-offers.ts";
import { joinWaitlist } from "../waitlist/join-waitlist.ts";
import { collectPages, succeed } from "./contracts/expect-task.ts";
import { RESERVATION_TIMES } from "./reservation-fixtures.ts";
import { makeReservationKit, type ReservationKit } from "./reservation-kit.ts";

/**
 * Model-based test of reservations, payments (webhooks paid, failed, expired, duplicated and
 * reordered; holds expiring), cancellations and the waitlist through the use cases on any
 * reservation stores (in memory in the app's tests, DynamoDB Local in the adapter's), against a
 * reference model small enough to be obviously right. Sequential
 * commands must match the model exactly; bursts of concurrent reservations (some repeating a key)
 * may interleave any way, so they are checked against the invariants and the model follows what
 * they did.
 */

const TOTAL = 6;
const MAX = 3;
const TTL = 3_600_000;
const OWNERS = 5;
/** The sample plan's payment hold (the default). */
const HOLD_MS = 30 * 60_000;

interface ModelOffer {
  readonly owner: string;
  readonly shares: number;
  readonly expiresAt: number;
}

interface ModelOwnership {
  readonly owner: string;
  readonly shares: number;
  /** pending: held unpaid until `holdEnds`; active: paid. Released ones leave the map. */
  status: "pending" | "active";
  readonly holdEnds: number;
}

interface Model {
  sold: number;
  offered: number;
  /** Shares each owner holds, pending or paid (what the cap counts). */
  readonly active: Map<string, number>;
  /** The first result of each (owner, idempotency key). */
  readonly byKey: Map<string, { id: string; shares: number }>;
  /** Held ownerships (pending or paid) by id. */
  readonly ownerships: Map<string, ModelOwnership>;
  /** Every webhook event delivered so far: redelivered (as is, or under a new id) to test order. */
  readonly events: PaymentEvent[];
  line: { owner: string; wanted: number }[];
  offers: ModelOffer[];
  now: number;
}

interface Real {
  readonly kit: ReservationKit;
  readonly plan: Plan;
  /** Runs share the stores (one DynamoDB table): batches that sweep all plans see other runs'. */
  readonly shared: boolean;
}

const ownerName = (i: number) => `owner_${i}`;
const CLOSES = Date.parse(RESERVATION_TIMES.closes);
const DEADLINE = Date.parse(RESERVATION_TIMES.cancellationDeadline);
/** Sales end at closesAt (exclusive); cancelling is allowed up to the deadline (inclusive). */
const salesOpen = (m: Model) => m.now < CLOSES;
const canCancel = (m: Model) => m.now <= DEADLINE;
const activeOf = (m: Model, owner: string) => m.active.get(owner) ?? 0;
const available = (m: Model) => TOTAL - m.sold - m.offered;

/** The domain's FIFO rule, restated: freed shares go to the head of the line first, partly if need be. */
const offerToLine = (m: Model, freed: number) => {
  let free = freed;
  while (free > 0 && m.line.length > 0) {
    const head = m.line.shift() as { owner: string; wanted: number };
    const shares = Math.min(head.wanted, free);
    m.offers.push({ owner: head.owner, shares, expiresAt: m.now + TTL });
    m.offered += shares;
    free -= shares;
  }
};

const tagOf = <A>(result: E.Either<AppError, A>) => (E.isLeft(result) ? result.left._tag : "ok");

/** Invariants that hold after anything, and the model's counters equal to the real ones. */
const checkInvariants = async (m: Model, r: Real) => {
  const { deps, payments } = r.kit;
  const plan = await succeed(deps.plans.get(r.plan.id));
  expect(plan).toMatchObject({ value: { sharesSold: m.sold, sharesOffered: m.offered } });
  expect(m.sold + m.offered).toBeLessThanOrEqual(TOTAL);
  const ownerships = (
    await collectPages((page) => deps.ownerships.listByPlan(r.plan.id, page), 100)
  ).items;
  // sharesSold is exactly the shares of pending holds and paid ownerships: none sold twice.
  const holding = ownerships.filter((o) => o.status === "active" || o.status === "pending_payment");
  expect(holding.reduce((sum, o) => sum + o.shares, 0)).toBe(m.sold);
  for (const o of holding) {
    const modelled = m.ownerships.get(o.id);
    expect(modelled?.status).toBe(o.status === "active" ? "active" : "pending");
  }
  expect(holding.length).toBe(m.ownerships.size);
  for (let i = 0; i < OWNERS; i += 1) {
    const owner = ownerName(i);
    const mine = holding.filter((o) => o.ownerId === owner);
    const held = mine.reduce((sum, o) => sum + o.shares, 0);
    const paid = mine.filter((o) => o.status === "active").reduce((sum, o) => sum + o.shares, 0);
    expect(held).toBeLessThanOrEqual(MAX);
    expect(held).toBe(activeOf(m, owner));
    expect(await succeed(deps.ownerships.ownerHeldShares(r.plan.id, ownerId(owner)))).toBe(held);
    expect(await succeed(deps.ownerships.ownerActiveShares(r.plan.id, ownerId(owner)))).toBe(paid);
  }
  // One ownership per (owner, key), and at most one paid checkout per ownership: the one it
  // records. (A request that lost to a different body under its key may leave an unused checkout
  // open until the hold time ends; nobody was given its page.)
  const keys = ownerships.map((o) => `${o.ownerId}|${o.idempotencyKey}`);
  expect(new Set(keys).size).toBe(keys.length);
  const checkouts = payments
    .checkouts()
    .filter((c) => c.request.planId === r.plan.id && c.paymentIntentId !== undefined);
  const checkedOut = checkouts.map((c) => c.request.ownershipId);
  expect(new Set(checkedOut).size).toBe(checkedOut.length);
  for (const c of checkouts)
    expect(ownerships.find((o) => o.id === c.request.ownershipId)?.payment?.id).toBe(c.paymentId);
  // The ledger balances to the yen and agrees with the money the processor really moved.
  const ledger = await succeed(deps.ledger.listByPlan(r.plan.id));
  const balance = checkBalanced(ledger);
  expect(E.isRight(balance)).toBe(true);
  if (E.isRight(balance)) {
    const intents = await succeed(deps.refundIntents.listByPlan(r.plan.id));
    expect(intents.reduce((sum, i) => sum + i.amountYen, 0)).toBe(balance.right.refundsYen);
    const paidIn = checkouts
      .filter((c) => c.paymentIntentId !== undefined)
      .reduce((sum, c) => sum + c.request.amountYen - c.refundedYen, 0);
    expect(balance.right.chargesYen - balance.right.refundsYen).toBe(paidIn);
  }
  // Never both refunded and active; charged exactly when the processor was paid.
  for (const o of ownerships) {
    const mine = ledger.filter((e) => e.ownershipId === o.id);
    if (o.status === "active") expect(mine.some((e) => e.kind === "refund")).toBe(false);
    const paidAt = checkouts.find((c) => c.request.ownershipId === o.id)?.paymentIntentId;
    expect(mine.some((e) => e.kind === "charge")).toBe(paidAt !== undefined);
  }
  // The line and the offers are the model's.
  const state = await succeed(deps.waitlists.load(r.plan.id, r.kit.clock.now()));
  const stored = [...state.waitlist.offers, ...state.expiredOffers];
  expect(stored.map((o) => [o.ownerId, o.shares, Date.parse(o.expiresAt)]).sort()).toEqual(
    m.offers.map((o) => [o.owner, o.shares, o.expiresAt]).sort(),
  );
  expect(state.waitlist.entries.map((e) => [e.ownerId, e.shares])).toEqual(
    m.line.map((e) => [e.owner, e.wanted]),
  );
};

const reserve = (r: Real, owner: string, shares: number, key: string) =>
  reserveShares(r.kit.deps)(
    { id: owner, role: "owner" },
    { planId: r.plan.id, shares, shippingRegion: "kanto", idempotencyKey: key },
  )();

class ReserveCommand implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly owner: number,
    readonly shares: number,
    readonly key: number,
  ) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const owner = ownerName(this.owner);
    const key = `key-${this.key}`;
    const first = m.byKey.get(`${owner}|${key}`);
    const result = await reserve(r, owner, this.shares, key);
    if (first !== undefined) {
      if (first.shares === this.shares)
        expect(result).toMatchObject({ right: { replayed: true, ownership: { id: first.id } } });
      else expect(tagOf(result)).toBe("RESERVATION.IDEMPOTENCY_MISMATCH");
    } else if (!salesOpen(m)) expect(tagOf(result)).toBe("PLAN.NOT_OPEN");
    else if (this.shares > available(m)) expect(tagOf(result)).toBe("PLAN.SOLD_OUT");
    else if (activeOf(m, owner) + this.shares > MAX) expect(tagOf(result)).toBe("PLAN.OWNER_LIMIT");
    else {
      expect(result).toMatchObject({ right: { replayed: false } });
      if (E.isRight(result)) record(m, result.right.ownership);
    }
    await checkInvariants(m, r);
  }
  toString = () => `reserve(${this.owner}, ${this.shares}, key-${this.key})`;
}

const record = (m: Model, o: Ownership) => {
  m.byKey.set(`${o.ownerId}|${o.idempotencyKey}`, { id: o.id, shares: o.shares });
  expect(o.status).toBe("pending_payment");
  m.ownerships.set(o.id, {
    owner: o.ownerId,
    shares: o.shares,
    status: "pending",
    holdEnds: Date.parse(o.reservedAt) + HOLD_MS,
  });
  m.active.set(o.ownerId, activeOf(m, o.ownerId) + o.shares);
  m.sold += o.shares;
};

class ConcurrentReserveCommand implements fc.AsyncCommand<Model, Real> {
  constructor(readonly requests: readonly { owner: number; shares: number; key: number }[]) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const results = await Promise.all(
      this.requests.map((q) => reserve(r, ownerName(q.owner), q.shares, `key-${q.key}`)),
    );
    results.forEach((result, i) => {
      const q = this.requests[i] as { owner: number; shares: number; key: number };
      if (E.isLeft(result)) {
        // After close only the sales window refuses (or a key reused with other shares).
        expect(
          salesOpen(m)
            ? ["PLAN.SOLD_OUT", "PLAN.OWNER_LIMIT", "RESERVATION.IDEMPOTENCY_MISMATCH"]
            : ["PLAN.NOT_OPEN", "RESERVATION.IDEMPOTENCY_MISMATCH"],
        ).toContain(result.left._tag);
        return;
      }
      if (!salesOpen(m)) expect(result.right.replayed).toBe(true);
      const { ownership, replayed } = result.right;
      expect(ownership.shares).toBe(q.shares);
      if (!replayed) record(m, ownership);
    });
    // Every replay answered with an ownership that exists (made earlier or by a sibling).
    for (const result of results)
      if (E.isRight(result) && result.right.replayed)
        expect(
          m.byKey.get(`${result.right.ownership.ownerId}|${result.right.ownership.idempotencyKey}`)
            ?.id,
        ).toBe(result.right.ownership.id);
    await checkInvariants(m, r);
  }
  toString = () =>
    `concurrently(${this.requests.map((q) => `${q.owner}:${q.shares}:key-${q.key}`).join(", ")})`;
}

class CancelCommand implements fc.AsyncCommand<Model, Real> {
  constructor(readonly pick: number) {}
  check = (m: Readonly<Model>) => m.ownerships.size > 0;
  async run(m: Model, r: Real) {
    const [id, held] = [...m.ownerships.entries()][this.pick % m.ownerships.size] as [
      string,
      ModelOwnership,
    ];
    const result = await cancelOwnership(r.kit.deps)(
      { id: held.owner, role: "owner" },
      { ownershipId: id },
    )();
    // An unpaid hold may be given up at any time (nothing to refund); paid shares until the deadline.
    if (held.status === "active" && !canCancel(m)) {
      expect(tagOf(result)).toBe("OWNERSHIP.CANCELLATION_CLOSED");
      await checkInvariants(m, r);
      return;
    }
    expect(tagOf(result)).toBe("ok");
    release(m, id);
    await checkInvariants(m, r);
  }
  toString = () => `cancel(#${this.pick})`;
}

/** A held ownership's shares go back: to the line first, as any cancellation's. */
const release = (m: Model, id: string) => {
  const held = m.ownerships.get(id) as ModelOwnership;
  m.ownerships.delete(id);
  m.active.set(held.owner, activeOf(m, held.owner) - held.shares);
  m.sold -= held.shares;
  offerToLine(m, held.shares);
};

/** The owner pays (or fails to pay) at a pending hold's checkout; the processor's webhook arrives. */
class PayCommand implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly pick: number,
    readonly outcome: "succeeded" | "failed" | "expired",
  ) {}
  check = (m: Readonly<Model>) => [...m.ownerships.values()].some((o) => o.status === "pending");
  async run(m: Model, r: Real) {
    const pending = [...m.ownerships.entries()].filter(([, o]) => o.status === "pending");
    const [id, held] = pending[this.pick % pending.length] as [string, ModelOwnership];
    const stored = await succeed(r.kit.deps.ownerships.get(ownershipId(id)));
    if (stored._tag === "None") throw new Error(`ownership ${id} is gone`);
    const event = r.kit.settle(stored.value, this.outcome);
    expect(await succeed(r.kit.deliver(event))).toMatchObject({ outcome: "processed" });
    m.events.push(event);
    if (this.outcome === "succeeded") held.status = "active";
    else release(m, id);
    await checkInvariants(m, r);
  }
  toString = () => `pay(#${this.pick}, ${this.outcome})`;
}

/**
 * A past webhook again: the same delivery (a duplicate: acknowledged, nothing done) or the same
 * news under a new event id (out of order: never moves anything backwards).
 */
class RedeliverCommand implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly pick: number,
    readonly fresh: boolean,
  ) {}
  check = (m: Readonly<Model>) => m.events.length > 0;
  async run(m: Model, r: Real) {
    const past = m.events[this.pick % m.events.length] as PaymentEvent;
    const event = this.fresh ? { ...past, eventId: `${past.eventId}-again-${this.pick}` } : past;
    const answer = await succeed(r.kit.deliver(event));
    expect(answer.outcome).toBe(this.fresh ? "processed" : "duplicate");
    await checkInvariants(m, r);
  }
  toString = () => `redeliver(#${this.pick}${this.fresh ? ", new id" : ""})`;
}

/** The hold-expiry batch: holds whose time is up are released (nothing was paid meanwhile). */
class ExpireHoldsCommand implements fc.AsyncCommand<Model, Real> {
  check = () => true;
  async run(m: Model, r: Real) {
    const report = await succeed(expireUnpaidHolds(r.kit.deps)(SYSTEM_ACTOR, { limit: 1000 }));
    expect(report.failures).toEqual([]);
    // Released oldest hold first (then by id), as the store lists them.
    const over = [...m.ownerships.entries()]
      .filter(([, held]) => held.status === "pending" && held.holdEnds <= m.now)
      .sort(([a, x], [b, y]) => x.holdEnds - y.holdEnds || (a < b ? -1 : a > b ? 1 : 0));
    for (const [id] of over) release(m, id);
    await checkInvariants(m, r);
  }
  toString = () => "expireHolds";
}

class JoinCommand implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly owner: number,
    readonly shares: number,
  ) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const owner = ownerName(this.owner);
    const result = await joinWaitlist(r.kit.deps)(
      { id: owner, role: "owner" },
      { planId: r.plan.id, shares: this.shares },
    )();
    const waiting =
      m.line.some((e) => e.owner === owner) ||
      m.offers.some((o) => o.owner === owner && m.now < o.expiresAt);
    if (!salesOpen(m)) expect(tagOf(result)).toBe("PLAN.NOT_OPEN");
    else if (available(m) > 0) expect(tagOf(result)).toBe("WAITLIST.NOT_SOLD_OUT");
    else if (waiting) expect(tagOf(result)).toBe("WAITLIST.ALREADY_WAITING");
    else if (activeOf(m, owner) + this.shares > MAX) expect(tagOf(result)).toBe("PLAN.OWNER_LIMIT");
    else {
      expect(result).toMatchObject({ right: { position: m.line.length + 1 } });
      m.line.push({ owner, wanted: this.shares });
    }
    await checkInvariants(m, r);
  }
  toString = () => `join(${this.owner}, ${this.shares})`;
}

class TimePassesCommand implements fc.AsyncCommand<Model, Real> {
  constructor(readonly minutes: number) {}
  check = () => true;
  async run(m: Model, r: Real) {
    m.now += this.minutes * 60_000;
    r.kit.clock.set(new Date(m.now).toISOString());
    await checkInvariants(m, r);
  }
  toString = () => `${this.minutes} min pass`;
}

/** The clock jumps (forward only) to around the cancellation deadline or sales close. */
class LeapCommand implements fc.AsyncCommand<Model, Real> {
  constructor(readonly target: number) {}
  check = () => true;
  async run(m: Model, r: Real) {
    m.now = Math.max(m.now, this.target);
    r.kit.clock.set(new Date(m.now).toISOString());
    await checkInvariants(m, r);
  }
  toString = () => `leap to ${new Date(this.target).toISOString()}`;
}
// Half an hour before (offers made then are still live after the edge), 1 ms before, at, after.
const leapTargets = [DEADLINE, CLOSES].flatMap((t) => [-TTL / 2, -1, 0, 1].map((d) => t + d));

class ExpireOffersCommand implements fc.AsyncCommand<Model, Real> {
  check = () => true;
  async run(m: Model, r: Real) {
    const result = await expireOffers(r.kit.deps)(r.kit.system)();
    expect(tagOf(result)).toBe("ok");
    const expired = m.offers.filter((o) => o.expiresAt <= m.now);
    // The batch sweeps every plan's offers: on a table shared by several runs it may withdraw
    // earlier runs' too. This plan's line and offers are checked exactly below.
    const count = E.isRight(result) ? result.right.withdrawnOffers : -1;
    if (r.shared) expect(count).toBeGreaterThanOrEqual(expired.length);
    else expect(count).toBe(expired.length);
    m.offers = m.offers.filter((o) => o.expiresAt > m.now);
    const withdrawn = expired.reduce((sum, o) => sum + o.shares, 0);
    m.offered -= withdrawn;
    offerToLine(m, withdrawn);
    await checkInvariants(m, r);
  }
  toString = () => "expireOffers";
}

class AcceptCommand implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly pick: number,
    readonly twice: boolean,
  ) {}
  check = (m: Readonly<Model>) => m.offers.length > 0;
  async run(m: Model, r: Real) {
    const offer = m.offers[this.pick % m.offers.length] as ModelOffer;
    const state = await succeed(r.kit.deps.waitlists.load(r.plan.id, r.kit.clock.now()));
    const real = [...state.waitlist.offers, ...state.expiredOffers].find(
      (o) => o.ownerId === offer.owner && Date.parse(o.expiresAt) === offer.expiresAt,
    );
    expect(real).toBeDefined();
    const accept = () =>
      acceptOffer(r.kit.deps)(
        { id: offer.owner, role: "owner" },
        { planId: r.plan.id, offerId: real?.id as string, shippingRegion: "kanto" },
      )();
    const result = await accept();
    if (m.now >= offer.expiresAt) expect(tagOf(result)).toBe("WAITLIST.OFFER_EXPIRED");
    else if (!salesOpen(m)) expect(tagOf(result)).toBe("PLAN.NOT_OPEN");
    else if (activeOf(m, offer.owner) + offer.shares > MAX)
      expect(tagOf(result)).toBe("PLAN.OWNER_LIMIT");
    else {
      expect(result).toMatchObject({
        right: { replayed: false, ownership: { shares: offer.shares } },
      });
      if (E.isRight(result)) {
        record(m, result.right.ownership);
        m.offers = m.offers.filter((o) => o !== offer);
        m.offered -= offer.shares;
        if (this.twice)
          expect(await accept()).toEqual(E.right({ ...result.right, replayed: true }));
      }
    }
    await checkInvariants(m, r);
  }
  toString = () => `accept(#${this.pick}${this.twice ? ", twice" : ""})`;
}

const owner = fc.integer({ min: 0, max: OWNERS - 1 });
const shares = fc.integer({ min: 1, max: 3 });
const key = fc.integer({ min: 0, max: 2 });

const reserveOne = fc.tuple(owner, shares, key).map(([o, s, k]) => new ReserveCommand(o, s, k));
const reserveMany = fc
  .array(fc.record({ owner, shares, key }), { minLength: 2, maxLength: 6 })
  .map((requests) => new ConcurrentReserveCommand(requests));
const cancel = fc.nat().map((pick) => new CancelCommand(pick));
const join = fc.tuple(owner, shares).map(([o, s]) => new JoinCommand(o, s));
const accept = fc
  .tuple(fc.nat(), fc.boolean())
  .map(([pick, twice]) => new AcceptCommand(pick, twice));
const pay = fc
  .tuple(
    fc.nat(),
    fc.constantFrom("succeeded", "succeeded", "failed", "expired") as fc.Arbitrary<
      "succeeded" | "failed" | "expired"
    >,
  )
  .map(([pick, outcome]) => new PayCommand(pick, outcome));
const redeliver = fc
  .tuple(fc.nat(), fc.boolean())
  .map(([pick, fresh]) => new RedeliverCommand(pick, fresh));
// Repeated entries weigh the mix towards what fills the plan and keeps the line moving.
const commands = [
  reserveOne,
  reserveOne,
  reserveMany,
  reserveMany,
  cancel,
  cancel,
  join,
  join,
  accept,
  accept,
  pay,
  pay,
  pay,
  redeliver,
  fc.constant(new ExpireHoldsCommand()),
  // Leaps are a rare kind of time passing, so most of a run still happens while sales are open.
  fc.oneof(
    { weight: 3, arbitrary: fc.integer({ min: 10, max: 70 }).map((m) => new TimePassesCommand(m)) },
    { weight: 1, arbitrary: fc.constantFrom(...leapTargets).map((t) => new LeapCommand(t)) },
  ),
  fc.constant(new ExpireOffersCommand()),
];

export interface ReservationModelOptions {
  /** The stores each run reserves on (a fresh plan per run); the kit's in-memory ones by default. */
  readonly stores?: () => ReservationStores;
  /**
   * One processor for every run, where runs share a table: hold expiry then meets earlier runs'
   * holds too, and must find their checkouts. A fresh one per run by default.
   */
  readonly payments?: MemoryPaymentGateway;
  /** Tunables over the model's own (a loaded real engine needs longer retry budgets). */
  readonly config?: Partial<ReservationConfig>;
  readonly numRuns: number;
  readonly maxCommands: number;
  readonly timeoutMs: number;
}

/** The model-based suite, run against the stores `options` names. */
export const describeReservationModel = (options: ReservationModelOptions): void => {
  describe("reservations and the waitlist against a reference model", () => {
    it(
      "never oversells, never exceeds the cap, pays each hold once, keeps the ledger = the processor",
      async () => {
        await fc.assert(
          fc.asyncProperty(
            fc.commands(commands, { maxCommands: options.maxCommands, size: "max" }),
            async (cmds) => {
              const kit = makeReservationKit({
                config: { ...options.config, offerTtlMs: TTL },
                ...(options.stores === undefined ? {} : { stores: options.stores() }),
                ...(options.payments === undefined ? {} : { payments: options.payments }),
              });
              const plan = await kit.givenOpenPlan({ totalShares: TOTAL, maxSharesPerOwner: MAX });
              const start: Instant = kit.clock.now();
              const model: Model = {
                sold: 0,
                offered: 0,
                active: new Map(),
                byKey: new Map(),
                ownerships: new Map(),
                events: [],
                line: [],
                offers: [],
                now: Date.parse(addMillis(start, 0)),
              };
              await fc.asyncModelRun(
                () => ({ model, real: { kit, plan, shared: options.stores !== undefined } }),
                cmds,
              );
            },
          ),
          { numRuns: options.numRuns },
        );
      },
      options.timeoutMs,
    );
  });
};
