import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { at, codeOf, planIn, rightOf } from "../plans/terms.fixtures.ts";
import { localDate } from "../shared/time.ts";
import {
  checkHarvestOpen,
  completeHarvest,
  deliveryWindowEnded,
  harvestIsFinal,
  markShortfallSettled,
} from "./harvest-completion.ts";

const NOW = at("2026-08-15T03:00:00.000Z");

describe("harvest completion", () => {
  it("marks a closed, allocated or shipped plan complete once, keeping the first instant", () => {
    for (const status of ["closed", "allocated", "shipped"] as const) {
      const first = rightOf(completeHarvest(planIn(status), NOW));
      expect(first.changed).toBe(true);
      expect(first.plan.harvestCompletedAt).toBe(NOW);
      expect(first.plan.version).toBe(planIn(status).version + 1);
      const again = rightOf(completeHarvest(first.plan, at("2026-08-20T00:00:00.000Z")));
      expect(again).toEqual({ plan: first.plan, changed: false });
    }
  });

  it("refuses plans still selling, drafts and cancelled ones", () => {
    for (const status of ["draft", "open", "cancelled", "completed"] as const)
      expect(codeOf(completeHarvest(planIn(status), NOW))).toBe("HARVEST.NOT_ALLOCATABLE");
  });

  it("is final when declared, or once the delivery window's last day (in Japan) has passed", () => {
    const plan = planIn("allocated");
    expect(plan.deliveryWindow.to).toBe("2026-08-31");
    expect(deliveryWindowEnded(plan, localDate("2026-08-31"))).toBe(false);
    expect(harvestIsFinal(plan, localDate("2026-08-31"))).toBe(false);
    expect(harvestIsFinal(plan, localDate("2026-09-01"))).toBe(true);
    expect(harvestIsFinal({ ...plan, harvestCompletedAt: NOW }, localDate("2026-08-01"))).toBe(
      true,
    );
  });

  it("closes the harvest to new lots", () => {
    const plan = planIn("allocated");
    expect(E.isRight(checkHarvestOpen(plan))).toBe(true);
    expect(codeOf(checkHarvestOpen({ ...plan, harvestCompletedAt: NOW }))).toBe("HARVEST.COMPLETE");
  });

  it("records the settlement once", () => {
    const settled = markShortfallSettled(planIn("allocated"), NOW);
    expect(settled.shortfallSettledAt).toBe(NOW);
    expect(markShortfallSettled(settled, at("2026-09-01T00:00:00.000Z"))).toBe(settled);
  });
});
