import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, type LocalDate, localDate } from "../shared/time.ts";
import { canStillShip, isReschedulable, lastShipDay, lotReadyFrom } from "./reschedule.ts";

const day = fc
  .integer({ min: 0, max: 120 })
  .map((n) => addDays(localDate("2026-07-01"), n) as LocalDate);

describe("rescheduling unshipped units", () => {
  it("retries only the causes an owner's address removes", () => {
    expect(["no-address", "unknown-region"].every(isReschedulable)).toBe(true);
    expect(
      ["capacity", "no-ship-day-in-window", "no-day-before-best-before"].some(isReschedulable),
    ).toBe(false);
  });

  it("ships no later than the window's end nor the lot's best-before, and never before today", () => {
    fc.assert(
      fc.property(day, day, day, day, (readyOn, bestBefore, to, today) => {
        const lot = { readyOn, bestBefore };
        const last = lastShipDay(lot, { to });
        expect(last <= to && last <= bestBefore).toBe(true);
        expect(last === to || last === bestBefore).toBe(true);
        expect(canStillShip(lot, { to }, today)).toBe(today <= to && today <= bestBefore);
        const seen = lotReadyFrom(lot, today);
        expect(seen.readyOn).toBe([readyOn, today].sort().at(-1));
        expect(seen.bestBefore).toBe(bestBefore);
      }),
    );
  });
});
