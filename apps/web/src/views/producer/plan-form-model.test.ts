import { describe, expect, it } from "vitest";
import { plan } from "../../testing/fixtures";
import { changedFields, emptyPlanForm, formToRequest, planToForm } from "./plan-form-model";

describe("plan form model", () => {
  it("turns the inputs into a create request with tiers and surcharges as numbers", () => {
    const form = {
      ...emptyPlanForm(Date.parse("2026-05-01T00:00:00Z")),
      title: " いちじく ",
      description: "説明",
      earlyBirdUntil: "2026-05-10T00:00",
      earlyBirdPrice: "5500",
      firstCount: "10",
      firstPrice: "5000",
    };
    const request = formToRequest(form);
    expect(request.title).toBe("いちじく");
    expect(request.tiers).toEqual([
      { kind: "earlyBird", until: new Date("2026-05-10T00:00").toISOString(), priceYen: 5500 },
      { kind: "firstShares", count: 10, priceYen: 5000 },
    ]);
    expect(request.shippingSurchargeYen?.kanto).toBe(0);
    expect(request).not.toHaveProperty("cancellationDeadline");
  });

  it("round-trips a plan, so an untouched edit sends nothing (an open plan's frozen fields stay out)", () => {
    const existing = plan({
      tiers: [{ kind: "firstShares", count: 5, priceYen: 4000 }],
      salesOpenAt: "2026-06-01T00:00:00.000Z",
    });
    const before = formToRequest(planToForm(existing));
    expect(changedFields(before, before)).toEqual({});
    const after = formToRequest({ ...planToForm(existing), priceYen: "5500" });
    expect(changedFields(before, after)).toEqual({ priceYen: 5500 });
  });

  it("sends the returning owners' early window only when set, and reads it back", () => {
    const without = formToRequest(emptyPlanForm(Date.parse("2026-05-01T00:00:00Z")));
    expect(without).not.toHaveProperty("returningOwnersOpenAt");
    const existing = plan({
      salesOpenAt: "2026-06-01T01:00:00.000Z",
      returningOwnersOpenAt: "2026-05-31T01:00:00.000Z",
    });
    const form = planToForm(existing);
    expect(formToRequest(form).returningOwnersOpenAt).toBe("2026-05-31T01:00:00.000Z");
    const moved = formToRequest({ ...form, returningOwnersOpenAt: "2026-05-30T10:00" });
    expect(changedFields(formToRequest(form), moved)).toEqual({
      returningOwnersOpenAt: new Date("2026-05-30T10:00").toISOString(),
    });
  });
});
