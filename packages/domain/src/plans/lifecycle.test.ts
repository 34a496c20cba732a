import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { planId, producerId } from "../shared/ids.ts";
import {
  allocationIsVoid,
  assertProducer,
  cancelPlan,
  closePlan,
  completePlan,
  createPlan,
  EDITABLE_TERM_FIELDS,
  editPlan,
  markPlanAllocated,
  markPlanShipped,
  type PlanPatch,
  publishPlan,
  transitionPlan,
} from "./lifecycle.ts";
import type { Plan, PlanStatus } from "./plan.ts";
import {
  codeOf,
  fieldNamesOf,
  leftOf,
  PRODUCER,
  planIn,
  rawTerms,
  rightOf,
  T,
} from "./terms.fixtures.ts";
import type { PlanTermField } from "./terms.ts";

const STATUSES: PlanStatus[] = [
  "draft",
  "open",
  "closed",
  "allocated",
  "shipped",
  "completed",
  "cancelled",
];
const LEGAL = new Set([
  "draft->open",
  "draft->cancelled",
  "open->closed",
  "open->cancelled",
  "closed->allocated",
  "closed->cancelled",
  "allocated->shipped",
  "allocated->cancelled",
  "shipped->completed",
]);
const now = T.during;

describe("createPlan", () => {
  it("creates a draft at version 1 with nothing sold or offered", () => {
    const plan = rightOf(
      createPlan({
        id: planId("p"),
        producerId: PRODUCER,
        terms: rawTerms(),
        platformFeeBps: 1500,
        now: T.created,
      }),
    );
    expect(plan).toMatchObject({
      id: "p",
      producerId: PRODUCER,
      status: "draft",
      version: 1,
      sharesSold: 0,
      sharesOffered: 0,
      platformFeeBps: 1500,
      createdAt: T.created,
      updatedAt: T.created,
      title: "Tree-ripened figs",
    });
  });

  it("rejects a fee outside 0..10000 bps together with any term issues", () => {
    const input = { id: planId("p"), producerId: PRODUCER, now: T.created };
    const feeOnly = leftOf(createPlan({ ...input, terms: rawTerms(), platformFeeBps: 10_001 }));
    expect(feeOnly._tag).toBe("PLAN.INVALID");
    expect(feeOnly.details?.fields).toEqual([expect.objectContaining({ field: "platformFeeBps" })]);
    const both = leftOf(
      createPlan({ ...input, terms: rawTerms({ title: "" }), platformFeeBps: 0.5 }),
    );
    expect(fieldNamesOf(both)).toEqual(["title", "platformFeeBps"]);
  });
});

describe("plan lifecycle transitions", () => {
  const pairs = STATUSES.flatMap((from) => STATUSES.map((to) => [from, to] as const));

  it.each(pairs)("%s -> %s follows the lifecycle table", (from, to) => {
    const plan = planIn(from, { version: 7 });
    const result = transitionPlan(plan, to, now);
    if (LEGAL.has(`${from}->${to}`)) {
      expect(rightOf(result)).toEqual({ ...plan, status: to, version: 8, updatedAt: now });
    } else {
      const error = leftOf(result);
      expect(error._tag).toBe("PLAN.ILLEGAL_TRANSITION");
      expect(error.details).toMatchObject({ from, to, planId: plan.id });
    }
  });

  const named: [string, (plan: Plan, at: typeof now) => E.Either<unknown, Plan>, PlanStatus][] = [
    ["publishPlan", publishPlan, "open"],
    ["closePlan", closePlan, "closed"],
    ["markPlanAllocated", markPlanAllocated, "allocated"],
    ["markPlanShipped", markPlanShipped, "shipped"],
    ["completePlan", completePlan, "completed"],
    ["cancelPlan", cancelPlan, "cancelled"],
  ];

  it.each(named)("%s moves exactly the legal sources to %s", (_, move, to) => {
    for (const from of STATUSES) {
      const result = move(planIn(from), now);
      if (LEGAL.has(`${from}->${to}`)) expect(rightOf(result).status).toBe(to);
      else
        expect(codeOf(result as E.Either<{ _tag: string }, Plan>)).toBe("PLAN.ILLEGAL_TRANSITION");
    }
  });

  it("refuses to publish a plan whose sales window has ended", () => {
    const error = leftOf(publishPlan(planIn("draft"), T.closes));
    expect(error._tag).toBe("PLAN.INVALID");
    expect(error.details?.fields).toEqual([
      expect.objectContaining({ field: "salesWindow.closesAt" }),
    ]);
  });
});

describe("assertProducer", () => {
  it("accepts the plan's producer and refuses anyone else", () => {
    const plan = planIn("open");
    expect(assertProducer(plan, PRODUCER)).toEqual(E.right(plan));
    expect(codeOf(assertProducer(plan, producerId("other")))).toBe("PLAN.NOT_PRODUCER");
  });
});

describe("editPlan", () => {
  it("lets only the producer edit", () => {
    expect(codeOf(editPlan(planIn("draft"), producerId("x"), { title: "New" }, now))).toBe(
      "PLAN.NOT_PRODUCER",
    );
  });

  it("edits anything in draft, bumping version and updatedAt", () => {
    const plan = planIn("draft");
    const edited = rightOf(
      editPlan(plan, PRODUCER, { totalShares: 200, title: "Figs 2026", riskTerms: "shared" }, now),
    );
    expect(edited).toMatchObject({
      totalShares: 200,
      title: "Figs 2026",
      riskTerms: "shared",
      version: plan.version + 1,
      updatedAt: now,
    });
  });

  it("edits presentation, pricing and ship capacity of an open plan", () => {
    const plan = planIn("open", { sharesSold: 10 });
    const edited = rightOf(
      editPlan(
        plan,
        PRODUCER,
        {
          title: "New title",
          story: "New story",
          photoKeys: [],
          category: "figs",
          shipCapacityPerDay: 50,
          pricing: { ...rawTerms().pricing, basePriceYen: 5500 },
        },
        now,
      ),
    );
    expect(edited).toMatchObject({ title: "New title", shipCapacityPerDay: 50, sharesSold: 10 });
    expect(edited.pricing.basePriceYen).toBe(5500);
  });

  it("refuses structural changes of an open plan, naming every frozen field", () => {
    const error = leftOf(
      editPlan(
        planIn("open"),
        PRODUCER,
        {
          title: "ok",
          totalShares: 120,
          maxSharesPerOwner: 4,
          salesWindow: { opensAt: T.opens, closesAt: "2026-07-02T00:00:00.000Z" },
          cancellationDeadline: T.during,
          riskTerms: "credit",
          unitsPerShare: 5,
          deliveryWindow: { from: "2026-08-02", to: "2026-08-31" },
        },
        now,
      ),
    );
    expect(error._tag).toBe("PLAN.FROZEN_FIELD");
    expect(error.details?.fields).toEqual([
      "unitsPerShare",
      "totalShares",
      "maxSharesPerOwner",
      "salesWindow",
      "deliveryWindow",
      "riskTerms",
      "cancellationDeadline",
    ]);
  });

  it("allows re-sending unchanged frozen fields (in any equivalent spelling)", () => {
    const plan = planIn("open");
    const edited = rightOf(
      editPlan(
        plan,
        PRODUCER,
        {
          title: "Renamed",
          totalShares: plan.totalShares,
          salesWindow: {
            opensAt: "2026-06-01T09:00:00+09:00",
            closesAt: plan.salesWindow.closesAt,
            returningOwnersOpenAt: plan.salesWindow.returningOwnersOpenAt,
          },
        },
        now,
      ),
    );
    expect(edited.title).toBe("Renamed");
  });

  it("returns the same plan (same version) for a patch that changes nothing", () => {
    const plan = planIn("open");
    expect(editPlan(plan, PRODUCER, { title: ` ${plan.title} ` }, now)).toEqual(E.right(plan));
  });

  it("freezes pricing once sales close and everything once completed or cancelled", () => {
    const pricing = { ...rawTerms().pricing, basePriceYen: 6000 };
    expect(leftOf(editPlan(planIn("closed"), PRODUCER, { pricing }, now)).details?.fields).toEqual([
      "pricing",
    ]);
    expect(codeOf(editPlan(planIn("allocated"), PRODUCER, { shipCapacityPerDay: 1 }, now))).toBe(
      "PLAN.FROZEN_FIELD",
    );
    for (const status of ["completed", "cancelled"] as const)
      expect(codeOf(editPlan(planIn(status), PRODUCER, { title: "x" }, now))).toBe(
        "PLAN.FROZEN_FIELD",
      );
  });

  it("rejects an invalid patch as PLAN.INVALID", () => {
    expect(codeOf(editPlan(planIn("draft"), PRODUCER, { maxSharesPerOwner: 1000 }, now))).toBe(
      "PLAN.INVALID",
    );
  });

  it("succeeds exactly when every changed field is editable in the plan's state", () => {
    const patches: Record<PlanTermField, PlanPatch> = {
      title: { title: "T2" },
      story: { story: "S2" },
      category: { category: "C2" },
      region: { region: "Ehime" },
      unitLabel: { unitLabel: "kg" },
      unitsPerShare: { unitsPerShare: 3 },
      totalShares: { totalShares: 90 },
      maxSharesPerOwner: { maxSharesPerOwner: 6 },
      salesWindow: { salesWindow: { opensAt: T.opens, closesAt: T.closes } },
      deliveryWindow: { deliveryWindow: { from: "2026-08-01", to: "2026-09-01" } },
      pricing: { pricing: { ...rawTerms().pricing, tiers: [] } },
      riskTerms: { riskTerms: "credit" },
      cancellationDeadline: { cancellationDeadline: T.during },
      shipCapacityPerDay: { shipCapacityPerDay: 7 },
      surplusBonusCapUnits: { surplusBonusCapUnits: 0 },
      photoKeys: { photoKeys: ["a", "b"] },
      paymentHoldMinutes: { paymentHoldMinutes: 4320 },
      experienceSeatsPerOwner: { experienceSeatsPerOwner: 2 },
    };
    const fields = Object.keys(patches) as PlanTermField[];
    fc.assert(
      fc.property(
        fc.constantFrom(...STATUSES),
        fc.subarray(fields, { minLength: 1 }),
        (status, chosen) => {
          const plan = planIn(status);
          const patch = Object.assign({}, ...chosen.map((f) => patches[f])) as PlanPatch;
          const result = editPlan(plan, PRODUCER, patch, now);
          const frozen = chosen.filter((f) => !EDITABLE_TERM_FIELDS[status].includes(f));
          if (frozen.length === 0) {
            expect(rightOf(result).version).toBe(plan.version + 1);
          } else {
            const error = leftOf(result);
            expect(error._tag).toBe("PLAN.FROZEN_FIELD");
            expect([...((error.details?.fields ?? []) as string[])].sort()).toEqual(
              [...frozen].sort(),
            );
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("allocationIsVoid", () => {
  it("holds for a cancelled plan only: its owners were refunded in full, nothing ships", () => {
    const statuses = ["draft", "open", "closed", "allocated", "shipped", "completed"] as const;
    for (const status of statuses) expect(allocationIsVoid({ status })).toBe(false);
    expect(allocationIsVoid({ status: "cancelled" })).toBe(true);
  });
});
