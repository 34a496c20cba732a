import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import type { DomainError } from "../shared/errors.ts";
import { addMillis, type Instant, instant } from "../shared/time.ts";
import { CARRIERS, type Carrier } from "./carriers.ts";
import {
  confirmParcelDelivered,
  isDeliveryAssumable,
  markParcelShipped,
  type ParcelProgress,
  SCHEDULED,
  seasonAtTheDoor,
} from "./parcel-progress.ts";

const T0 = instant("2026-08-01T00:00:00.000Z");
const at = (minutes: number): Instant => addMillis(T0, minutes * 60_000);

type Step =
  | {
      readonly kind: "ship";
      readonly carrier: Carrier;
      readonly number: string;
      readonly at: number;
    }
  | { readonly kind: "confirm"; readonly by: "owner" | "auto"; readonly at: number };

// Few numbers and times, so repeats (retries, the CSV uploaded twice) are common.
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant("ship" as const),
    carrier: fc.constantFrom(...CARRIERS),
    number: fc.constantFrom("A1", "A2", "B7"),
    at: fc.integer({ min: 0, max: 5_000 }),
  }),
  fc.record({
    kind: fc.constant("confirm" as const),
    by: fc.constantFrom("owner" as const, "auto" as const),
    at: fc.integer({ min: 0, max: 5_000 }),
  }),
);

const apply = (progress: ParcelProgress, step: Step): E.Either<DomainError, ParcelProgress> =>
  step.kind === "ship"
    ? markParcelShipped(progress, {
        carrier: step.carrier,
        trackingNumber: step.number,
        at: at(step.at),
      })
    : confirmParcelDelivered(progress, at(step.at), step.by);

/** Runs the steps, keeping the parcel as it was when a step is refused (as the store does). */
const run = (steps: readonly Step[]) => {
  const states: ParcelProgress[] = [SCHEDULED];
  const refused: { step: Step; code: string; before: ParcelProgress }[] = [];
  for (const step of steps) {
    const before = states.at(-1) ?? SCHEDULED;
    const next = apply(before, step);
    if (E.isLeft(next)) refused.push({ step, code: next.left._tag, before });
    states.push(E.isRight(next) ? next.right : before);
  }
  return { states, refused };
};

describe("a parcel on its way to the door", () => {
  it("is never delivered before it is shipped, nor before its shipping time", () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 12 }), (steps) => {
        const { states, refused } = run(steps);
        for (const state of states)
          if (state.state === "delivered") expect(state.deliveredAt >= state.shippedAt).toBe(true);
        for (const { step, code, before } of refused) {
          if (step.kind === "confirm") {
            expect(code).toBe("PARCEL.NOT_SHIPPED");
            expect(before.state).toBe("scheduled");
          } else {
            expect(code).toBe("PARCEL.ALREADY_DELIVERED");
            expect(before.state).toBe("delivered");
          }
        }
      }),
      { numRuns: 2_000 },
    );
  });

  it("never goes back: scheduled → shipped → delivered, and delivered stays as first confirmed", () => {
    const rank = { scheduled: 0, shipped: 1, delivered: 2 } as const;
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 12 }), (steps) => {
        const { states } = run(steps);
        for (let i = 1; i < states.length; i++) {
          const [before, after] = [states[i - 1], states[i]] as [ParcelProgress, ParcelProgress];
          expect(rank[after.state]).toBeGreaterThanOrEqual(rank[before.state]);
          if (before.state === "delivered") expect(after).toEqual(before);
          // A corrected tracking number keeps when the parcel left.
          if (before.state !== "scheduled" && after.state !== "scheduled")
            expect(after.shippedAt).toBe(before.shippedAt);
        }
      }),
      { numRuns: 2_000 },
    );
  });

  it("is idempotent: every step repeated at once changes nothing more", () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 10 }), (steps) => {
        const once = run(steps).states.at(-1);
        const twice = run(steps.flatMap((s) => [s, s])).states.at(-1);
        expect(twice).toEqual(once);
      }),
      { numRuns: 2_000 },
    );
  });

  it("is assumed delivered only once shipped and the days have passed", () => {
    const shipped = markParcelShipped(SCHEDULED, {
      carrier: "yamato",
      trackingNumber: "1",
      at: T0,
    });
    if (E.isLeft(shipped)) throw new Error("unexpected");
    const day = 24 * 60;
    expect(isDeliveryAssumable(SCHEDULED, at(30 * day), 7)).toBe(false);
    expect(isDeliveryAssumable(shipped.right, at(7 * day - 1), 7)).toBe(false);
    expect(isDeliveryAssumable(shipped.right, at(7 * day), 7)).toBe(true);
    const delivered = confirmParcelDelivered(shipped.right, at(day), "owner");
    if (E.isLeft(delivered)) throw new Error("unexpected");
    expect(isDeliveryAssumable(delivered.right, at(30 * day), 7)).toBe(false);
  });
});

describe("a season at the door", () => {
  const parcelArb: fc.Arbitrary<ParcelProgress> = fc
    .array(stepArb, { maxLength: 6 })
    .map((steps) => run(steps).states.at(-1) ?? SCHEDULED);

  it("is completed only when every parcel is delivered and the money settled", () => {
    fc.assert(
      fc.property(fc.array(parcelArb, { maxLength: 8 }), fc.boolean(), (parcels, settled) => {
        const season = seasonAtTheDoor(parcels, settled);
        const allDelivered = parcels.length > 0 && parcels.every((p) => p.state === "delivered");
        const allShipped = parcels.length > 0 && parcels.every((p) => p.state !== "scheduled");
        expect(season === "completed").toBe(allDelivered && settled);
        expect(season === "shipping").toBe(!allShipped);
      }),
      { numRuns: 2_000 },
    );
  });

  it("only moves forward as parcels move forward and the money settles", () => {
    const rank = { shipping: 0, shipped: 1, completed: 2 } as const;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(parcelArb, stepArb), { minLength: 1, maxLength: 8 }),
        fc.boolean(),
        (pairs, settled) => {
          const before = pairs.map(([p]) => p);
          const after = pairs.map(([p, step]) => {
            const next = apply(p, step);
            return E.isRight(next) ? next.right : p;
          });
          expect(rank[seasonAtTheDoor(after, true)]).toBeGreaterThanOrEqual(
            rank[seasonAtTheDoor(before, settled)],
          );
        },
      ),
      { numRuns: 2_000 },
    );
  });
});
