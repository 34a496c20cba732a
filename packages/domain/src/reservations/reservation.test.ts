import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import type { Plan } from "../plans/plan.ts";
import { codeOf, leftOf, ownershipOf, planIn, rightOf, T } from "../plans/terms.fixtures.ts";
import { type OwnerId, ownerId, ownershipId, planId } from "../shared/ids.ts";
import { addMillis } from "../shared/time.ts";
import type { Ownership } from "./ownership.ts";
import {
  applyReservation,
  decideCancellation,
  decideReservation,
  type ReservationInput,
  sameReservationRequest,
  sharesAvailable,
} from "./reservation.ts";

const alice = ownerId("alice");
const reserve = (overrides: Partial<ReservationInput> = {}) =>
  decideReservation({
    plan: planIn("open"),
    now: T.during,
    ownerId: alice,
    shares: 2,
    ownerActiveShares: 0,
    isReturningOwner: false,
    ...overrides,
  });

describe("decideReservation", () => {
  it("accepts a reservation within every limit", () => {
    const plan = planIn("open", { sharesSold: 10, sharesOffered: 5 });
    expect(rightOf(reserve({ plan, shares: 3 }))).toEqual({
      planId: plan.id,
      ownerId: alice,
      shares: 3,
      sharesAvailable: 85,
      sharesAvailableAfter: 82,
      earlyAccess: false,
    });
  });

  it.each([
    ["a draft plan", { plan: planIn("draft") }],
    ["a closed plan", { plan: planIn("closed") }],
    ["a cancelled plan", { plan: planIn("cancelled") }],
    ["an open plan before its public opening", { now: addMillis(T.opens, -1) }],
    ["an open plan at its close", { now: T.closes }],
    [
      "a returning owner before early access",
      { now: addMillis(T.earlyAccess, -1), isReturningOwner: true },
    ],
    [
      "a returning owner when the plan has no early access",
      {
        plan: planIn("open", {
          salesWindow: { opensAt: T.opens, closesAt: T.closes },
        }),
        now: T.earlyAccess,
        isReturningOwner: true,
      },
    ],
    [
      "a returning owner in early access of a draft",
      { plan: planIn("draft"), now: T.earlyAccess, isReturningOwner: true },
    ],
  ] as [string, Partial<ReservationInput>][])("refuses %s with PLAN.NOT_OPEN", (_, overrides) => {
    const error = leftOf(reserve(overrides));
    expect(error._tag).toBe("PLAN.NOT_OPEN");
    expect(error.details).toHaveProperty("opensAt", T.opens);
  });

  it("lets returning owners buy in early access, and from the public opening on", () => {
    expect(rightOf(reserve({ now: T.earlyAccess, isReturningOwner: true })).earlyAccess).toBe(true);
    expect(codeOf(reserve({ now: T.earlyAccess, isReturningOwner: false }))).toBe("PLAN.NOT_OPEN");
    expect(rightOf(reserve({ now: T.opens })).earlyAccess).toBe(false);
    expect(E.isRight(reserve({ now: addMillis(T.closes, -1) }))).toBe(true);
  });

  it.each([0, -1, 1.5, Number.NaN])("refuses %s shares with RESERVATION.INVALID_SHARES", (n) => {
    expect(codeOf(reserve({ shares: n }))).toBe("RESERVATION.INVALID_SHARES");
  });

  it("refuses more than what is left (offered shares are not for sale) with PLAN.SOLD_OUT", () => {
    const plan = planIn("open", { sharesSold: 96, sharesOffered: 2 });
    const error = leftOf(reserve({ plan, shares: 3 }));
    expect(error._tag).toBe("PLAN.SOLD_OUT");
    expect(error.details).toMatchObject({ remaining: 2, requested: 3 });
    expect(E.isRight(reserve({ plan, shares: 2 }))).toBe(true);
  });

  it("refuses going over the per-owner maximum with PLAN.OWNER_LIMIT", () => {
    const error = leftOf(reserve({ ownerActiveShares: 4, shares: 2 }));
    expect(error._tag).toBe("PLAN.OWNER_LIMIT");
    expect(error.details).toMatchObject({ maxSharesPerOwner: 5, remainingForOwner: 1 });
    expect(E.isRight(reserve({ ownerActiveShares: 4, shares: 1 }))).toBe(true);
  });
});

describe("applyReservation", () => {
  it("adds the shares to sharesSold and bumps the version", () => {
    const plan = planIn("open", { sharesSold: 1 });
    expect(applyReservation(plan, 3, T.during)).toEqual({
      ...plan,
      sharesSold: 4,
      version: plan.version + 1,
      updatedAt: T.during,
    });
  });

  it("throws rather than oversell (a caller bug)", () => {
    expect(() => applyReservation(planIn("open", { sharesSold: 99 }), 2, T.during)).toThrow(
      RangeError,
    );
  });
});

describe("decideCancellation", () => {
  const plan = planIn("open", { sharesSold: 10 });
  const ownership = ownershipOf(plan, "alice", 3);
  const cancel = (overrides: Partial<Parameters<typeof decideCancellation>[0]> = {}) =>
    decideCancellation({ plan, ownership, actorOwnerId: alice, now: T.during, ...overrides });

  it("cancels, frees the shares and refunds the whole quote", () => {
    const decision = rightOf(cancel());
    expect(decision.ownership).toEqual({
      ...ownership,
      status: "cancelled",
      cancelledAt: T.during,
      version: 2,
    });
    expect(decision.plan).toMatchObject({ sharesSold: 7, version: plan.version + 1 });
    expect(decision.freedShares).toBe(3);
    expect(decision.refundYen).toBe(ownership.quote.totalYen);
  });

  it("allows cancelling up to the deadline inclusive, in an open or closed plan", () => {
    expect(E.isRight(cancel({ now: T.cancellationDeadline }))).toBe(true);
    expect(E.isRight(cancel({ plan: { ...plan, status: "closed" } }))).toBe(true);
  });

  it("refuses others with OWNERSHIP.NOT_OWNER", () => {
    expect(codeOf(cancel({ actorOwnerId: ownerId("bob") }))).toBe("OWNERSHIP.NOT_OWNER");
  });

  it("refuses a cancelled ownership with OWNERSHIP.NOT_ACTIVE", () => {
    expect(codeOf(cancel({ ownership: { ...ownership, status: "cancelled" } }))).toBe(
      "OWNERSHIP.NOT_ACTIVE",
    );
  });

  it.each([
    ["after the deadline", { now: addMillis(T.cancellationDeadline, 1) }],
    ["once allocated", { plan: { ...plan, status: "allocated" } as Plan }],
    ["once the plan is cancelled", { plan: { ...plan, status: "cancelled" } as Plan }],
    [
      "once the allocation started, though before the deadline",
      { plan: { ...plan, status: "closed", allocationStartedAt: T.during } as Plan },
    ],
  ])("refuses %s with OWNERSHIP.CANCELLATION_CLOSED", (_, overrides) => {
    expect(codeOf(cancel(overrides))).toBe("OWNERSHIP.CANCELLATION_CLOSED");
  });

  it("throws on an ownership of another plan (a caller bug)", () => {
    expect(() => cancel({ ownership: { ...ownership, planId: planId("other") } })).toThrow(
      RangeError,
    );
  });
});

describe("sameReservationRequest", () => {
  const plan = planIn("open");
  const existing = ownershipOf(plan, "alice", 2);
  const request = {
    idempotencyKey: existing.idempotencyKey,
    planId: plan.id,
    ownerId: alice,
    shares: 2,
    shippingRegion: "kanto",
  };

  it("returns the first result for the same request", () => {
    expect(sameReservationRequest(existing, request)).toEqual(E.right(existing));
    const cancelled = { ...existing, status: "cancelled" as const };
    expect(sameReservationRequest(cancelled, request)).toEqual(E.right(cancelled));
  });

  it("refuses the same key with a different body with RESERVATION.IDEMPOTENCY_MISMATCH", () => {
    const error = leftOf(
      sameReservationRequest(existing, { ...request, shares: 3, shippingRegion: "kansai" }),
    );
    expect(error._tag).toBe("RESERVATION.IDEMPOTENCY_MISMATCH");
    expect(error.details?.fields).toEqual(["shares", "shippingRegion"]);
  });

  it("tells another owner reusing the key nothing but that", () => {
    const error = leftOf(
      sameReservationRequest(existing, { ...request, ownerId: ownerId("bob"), shares: 5 }),
    );
    expect(error.details).toEqual({ fields: ["ownerId"] });
  });
});

describe("reservation invariants", () => {
  type Op = { kind: "reserve"; owner: number; shares: number } | { kind: "cancel"; pick: number };
  const op: fc.Arbitrary<Op> = fc.oneof(
    fc.record({
      kind: fc.constant("reserve" as const),
      owner: fc.integer({ min: 0, max: 4 }),
      shares: fc.integer({ min: -1, max: 7 }),
    }),
    fc.record({ kind: fc.constant("cancel" as const), pick: fc.nat(20) }),
  );

  it("never sells more than totalShares nor more than maxSharesPerOwner to anyone", () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 15 })
          .chain((total) =>
            fc.record({ total: fc.constant(total), max: fc.integer({ min: 1, max: total }) }),
          ),
        fc.array(op, { maxLength: 40 }),
        ({ total, max }, ops) => {
          let plan = planIn("open", {}, { totalShares: total, maxSharesPerOwner: max });
          let ownerships: Ownership[] = [];
          const owners: OwnerId[] = [0, 1, 2, 3, 4].map((i) => ownerId(`o${i}`));
          const activeOf = (owner: OwnerId) =>
            ownerships
              .filter((o) => o.ownerId === owner && o.status === "active")
              .reduce((sum, o) => sum + o.shares, 0);
          ops.forEach((step, i) => {
            const now = addMillis(T.opens, i);
            if (step.kind === "reserve") {
              const owner = owners[step.owner] as OwnerId;
              const decision = decideReservation({
                plan,
                now,
                ownerId: owner,
                shares: step.shares,
                ownerActiveShares: activeOf(owner),
                isReturningOwner: false,
              });
              const fits =
                step.shares >= 1 &&
                step.shares <= sharesAvailable(plan) &&
                activeOf(owner) + step.shares <= max;
              expect(E.isRight(decision)).toBe(fits);
              if (E.isRight(decision)) {
                plan = applyReservation(plan, step.shares, now);
                ownerships.push({
                  ...ownershipOf(plan, owner, step.shares),
                  id: ownershipId(`own-${i}`),
                });
              }
            } else if (ownerships.length > 0) {
              const target = ownerships[step.pick % ownerships.length] as Ownership;
              const decision = decideCancellation({
                plan,
                ownership: target,
                actorOwnerId: target.ownerId,
                now,
              });
              if (E.isRight(decision)) {
                plan = decision.right.plan;
                ownerships = ownerships.map((o) =>
                  o.id === target.id ? decision.right.ownership : o,
                );
              } else expect(target.status).toBe("cancelled");
            }
            const activeTotal = ownerships
              .filter((o) => o.status === "active")
              .reduce((sum, o) => sum + o.shares, 0);
            expect(plan.sharesSold).toBe(activeTotal);
            expect(plan.sharesSold).toBeLessThanOrEqual(total);
            expect(sharesAvailable(plan)).toBeGreaterThanOrEqual(0);
            for (const owner of owners) expect(activeOf(owner)).toBeLessThanOrEqual(max);
          });
        },
      ),
      { numRuns: 1000 },
    );
  });
});
