import { describe, expect, it } from "vitest";
import type { Plan } from "../plans/plan.ts";
import { at, planIn, T } from "../plans/terms.fixtures.ts";
import { ownerId, planId } from "../shared/ids.ts";
import { nextPlanOf, nextSeasonFor } from "./next-season.ts";

const OWNER = ownerId("fan");
const lastSeason = planIn("completed", {
  id: planId("figs-2025"),
  createdAt: at("2025-04-01T00:00:00.000Z"),
});
/** This year's plan: early access from T.earlyAccess, open to all from T.opens. */
const thisSeason = planIn("open", { id: planId("figs-2026") });
const ownership = (
  plan: Plan,
  shares: number,
  status: "active" | "cancelled" | "pending_payment" = "active",
) => ({
  ownerId: OWNER,
  planId: plan.id,
  status,
  shares,
});

const offer = (overrides: Partial<Parameters<typeof nextSeasonFor>[0]> = {}) =>
  nextSeasonFor({
    ownerId: OWNER,
    completed: lastSeason,
    producerPlans: [lastSeason, thisSeason],
    ownerships: [ownership(lastSeason, 3)],
    now: at("2026-05-26T00:00:00.000Z"),
    ...overrides,
  });

describe("reserve again", () => {
  it("offers the producer's next plan inside the returning owners' early window, same shares", () => {
    expect(offer()).toEqual({
      nextPlan: thisSeason,
      opensToYouAt: T.earlyAccess,
      windowOpen: true,
      suggestedShares: 3,
      alreadyReserved: false,
    });
  });

  it("is not open yet before the early window, and stays open once sales open to everyone", () => {
    expect(offer({ now: at("2026-05-20T00:00:00.000Z") })?.windowOpen).toBe(false);
    expect(offer({ now: T.during })?.windowOpen).toBe(true);
    expect(offer({ now: T.closes })?.windowOpen).toBe(false);
  });

  it("caps the prefilled shares at the next plan's per-owner limit", () => {
    expect(offer({ ownerships: [ownership(lastSeason, 9)] })?.suggestedShares).toBe(
      thisSeason.maxSharesPerOwner,
    );
  });

  it("is nothing for an owner who cancelled last season, or for a plan not completed", () => {
    expect(offer({ ownerships: [ownership(lastSeason, 3, "cancelled")] })).toBeUndefined();
    expect(offer({ completed: { ...lastSeason, status: "shipped" } })).toBeUndefined();
  });

  it("says when the owner already holds (or is paying for) shares of the next plan", () => {
    expect(
      offer({ ownerships: [ownership(lastSeason, 3), ownership(thisSeason, 1, "pending_payment")] })
        ?.alreadyReserved,
    ).toBe(true);
  });

  it("without an early window, opens to the owner with everyone", () => {
    const noEarly = planIn(
      "open",
      { id: planId("figs-2026") },
      { salesWindow: { opensAt: T.opens, closesAt: T.closes } },
    );
    const result = offer({ producerPlans: [lastSeason, noEarly] });
    expect(result?.opensToYouAt).toBe(T.opens);
    expect(result?.windowOpen).toBe(false);
  });

  it("the next plan is the earliest open plan created after the completed one", () => {
    const draft = planIn("draft", { id: planId("d"), createdAt: at("2026-01-01T00:00:00.000Z") });
    const cancelled = planIn("cancelled", {
      id: planId("c"),
      createdAt: at("2026-01-02T00:00:00.000Z"),
    });
    const older = planIn("open", { id: planId("o"), createdAt: at("2024-01-01T00:00:00.000Z") });
    const later = planIn("open", { id: planId("l"), createdAt: at("2026-06-01T00:00:00.000Z") });
    expect(nextPlanOf(lastSeason, [later, draft, cancelled, older, thisSeason])?.id).toBe(
      thisSeason.id,
    );
    expect(nextPlanOf(lastSeason, [draft, cancelled, older])).toBeUndefined();
  });
});
