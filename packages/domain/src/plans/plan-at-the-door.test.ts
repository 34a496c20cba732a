import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { addMillis, instant } from "../shared/time.ts";
import { CARRIERS } from "../shipping/carriers.ts";
import { countChange, countParcels, NO_PARCELS } from "../shipping/parcel-counts.ts";
import {
  confirmParcelDelivered,
  markParcelShipped,
  type ParcelProgress,
  SCHEDULED,
} from "../shipping/parcel-progress.ts";
import type { PlanStatus } from "./plan.ts";
import { advancePlanAtTheDoor, type DoorFacts } from "./plan-at-the-door.ts";
import { planIn } from "./terms.fixtures.ts";

const T0 = instant("2026-08-01T00:00:00.000Z");
const NOW = instant("2026-09-01T00:00:00.000Z");

type Step = { readonly kind: "ship"; readonly n: number } | { readonly kind: "confirm" };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant("ship" as const), n: fc.integer({ min: 0, max: 2 }) }),
  fc.record({ kind: fc.constant("confirm" as const) }),
);

const apply = (p: ParcelProgress, step: Step, minute: number): ParcelProgress => {
  const at = addMillis(T0, minute * 60_000);
  const next =
    step.kind === "ship"
      ? markParcelShipped(p, {
          carrier: CARRIERS[step.n] ?? "other",
          trackingNumber: `N${step.n}`,
          at,
        })
      : confirmParcelDelivered(p, at, "owner");
  return E.isRight(next) ? next.right : p;
};

const parcelArb: fc.Arbitrary<ParcelProgress> = fc
  .array(stepArb, { maxLength: 4 })
  .map((steps) => steps.reduce((p, step, i) => apply(p, step, i), SCHEDULED));

const STATUSES: PlanStatus[] = [
  "draft",
  "open",
  "closed",
  "allocated",
  "shipped",
  "completed",
  "cancelled",
];

const factsArb = fc.record({
  parcels: fc.array(parcelArb, { maxLength: 8 }),
  allParcelsKnown: fc.boolean(),
  unshippedUnits: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 20 })),
  settled: fc.boolean(),
  status: fc.constantFrom(...STATUSES),
});

const planOf = (status: PlanStatus, settled: boolean) =>
  planIn(status, settled ? { shortfallSettledAt: T0 } : {});

const advance = (status: PlanStatus, settled: boolean, facts: DoorFacts) => {
  const next = advancePlanAtTheDoor(planOf(status, settled), facts, NOW);
  if (E.isLeft(next)) throw new Error(next.left.message);
  return next.right;
};

describe("a plan at the door", () => {
  it("is completed only when every parcel is delivered and its money settled", () => {
    fc.assert(
      fc.property(factsArb, ({ parcels, allParcelsKnown, unshippedUnits, settled, status }) => {
        const facts = { counts: countParcels(parcels), allParcelsKnown, unshippedUnits };
        const next = advance(status, settled, facts);
        const allDelivered =
          allParcelsKnown && parcels.length > 0 && parcels.every((p) => p.state === "delivered");
        if (next.status === "completed" && status !== "completed") {
          expect(allDelivered).toBe(true);
          expect(unshippedUnits).toBe(0);
          expect(settled).toBe(true);
        }
        // ...and an allocated or shipped plan with all of that does complete.
        if (
          allDelivered &&
          unshippedUnits === 0 &&
          settled &&
          (status === "allocated" || status === "shipped")
        )
          expect(next.status).toBe("completed");
      }),
      { numRuns: 3_000 },
    );
  });

  it("is shipped only once every parcel left, and never moves a plan that is not allocated or shipped", () => {
    fc.assert(
      fc.property(factsArb, ({ parcels, allParcelsKnown, unshippedUnits, settled, status }) => {
        const facts = { counts: countParcels(parcels), allParcelsKnown, unshippedUnits };
        const next = advance(status, settled, facts);
        if (status !== "allocated" && status !== "shipped") expect(next.status).toBe(status);
        if (status === "allocated" && next.status !== "allocated") {
          expect(allParcelsKnown && parcels.length > 0).toBe(true);
          expect(parcels.every((p) => p.state !== "scheduled")).toBe(true);
        }
        if (status === "allocated" && parcels.some((p) => p.state === "scheduled"))
          expect(next.status).toBe("allocated");
      }),
      { numRuns: 3_000 },
    );
  });

  it("is idempotent: advancing again with the same facts changes nothing", () => {
    fc.assert(
      fc.property(factsArb, ({ parcels, allParcelsKnown, unshippedUnits, settled, status }) => {
        const facts = { counts: countParcels(parcels), allParcelsKnown, unshippedUnits };
        const once = advance(status, settled, facts);
        const twice = advancePlanAtTheDoor(once, facts, NOW);
        expect(twice).toEqual(E.right(once));
      }),
      { numRuns: 3_000 },
    );
  });

  it("keeps the stored counts equal to a recount when each move adds its change", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), stepArb), { maxLength: 30 }),
        (moves) => {
          const parcels: ParcelProgress[] = Array.from({ length: 6 }, () => SCHEDULED);
          let counts = { ...NO_PARCELS, total: parcels.length };
          moves.forEach(([i, step], minute) => {
            const before = parcels[i] ?? SCHEDULED;
            const after = apply(before, step, minute);
            const change = countChange(before, after);
            counts = {
              total: counts.total,
              shipped: counts.shipped + change.shipped,
              delivered: counts.delivered + change.delivered,
            };
            parcels[i] = after;
          });
          expect(counts).toEqual(countParcels(parcels));
          expect(counts.shipped).toBeGreaterThanOrEqual(counts.delivered);
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it("waits for parcels still to come, and for a season with none", () => {
    const allShipped = { total: 2, shipped: 2, delivered: 2 };
    expect(
      advance("allocated", true, { counts: allShipped, allParcelsKnown: false, unshippedUnits: 0 })
        .status,
    ).toBe("allocated");
    expect(
      advance("allocated", true, { counts: NO_PARCELS, allParcelsKnown: true, unshippedUnits: 0 })
        .status,
    ).toBe("allocated");
    expect(
      advance("allocated", false, {
        counts: { total: 2, shipped: 2, delivered: 2 },
        allParcelsKnown: true,
        unshippedUnits: 0,
      }).status,
    ).toBe("shipped");
  });

  it("ships but does not complete while allocated units never got a parcel", () => {
    const delivered = { total: 2, shipped: 2, delivered: 2 };
    const facts = { counts: delivered, allParcelsKnown: true, unshippedUnits: 4 };
    expect(advance("allocated", true, facts).status).toBe("shipped");
    expect(advance("shipped", true, facts).status).toBe("shipped");
    expect(advance("shipped", true, { ...facts, unshippedUnits: 0 }).status).toBe("completed");
  });
});
