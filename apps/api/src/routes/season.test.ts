import { fanOutNotices, SYSTEM_ACTOR } from "@owners/app";
import { SAMPLE_JPEG } from "@owners/app/testing";
import type { PlanId } from "@owners/domain";
import { describe, expect, it } from "vitest";
import { expectProblem } from "../testing/expect-problem.ts";
import { closedPlanWithOwners, type Harness, makeHarness, openPlan } from "../testing/harness.ts";

const PRODUCER: [string, "producer"] = ["producer-a", "producer"];

/** Parcels are another lane's: the plan is put into `completed` through its repository. */
const complete = async (h: Harness, planId: string) => {
  const stored = await h.ports.plans.get(planId as PlanId)();
  if (stored._tag === "Left" || stored.right._tag === "None") throw new Error("no plan");
  const plan = stored.right.value;
  const saved = await h.ports.plans.save({ ...plan, status: "completed" }, plan.version)();
  if (saved._tag === "Left") throw new Error(saved.left.message);
};

const uploadPhoto = async (h: Harness) => {
  const form = await h.call("POST", "/uploads", {
    body: { contentType: "image/jpeg" },
    as: PRODUCER,
  });
  h.ports.blobs.receiveUpload(form.body, SAMPLE_JPEG, "image/jpeg");
  return form.body.key as string;
};

const report = (photoKeys: string[] = []) => ({
  harvestedUnits: 38,
  lotCount: 2,
  note: "暑い夏で、甘いいちじくになりました。",
  photoKeys,
});

describe("season report and reserve again", () => {
  it("is refused before completion, published after it with a photo, read by anyone", async () => {
    const h = makeHarness();
    const { planId } = await closedPlanWithOwners(h, { o1: 2, o2: 1 });
    const path = `/plans/${planId}/season-report`;
    expectProblem(
      await h.call("PUT", path, { body: report(), as: PRODUCER }),
      409,
      "SEASON.PLAN_NOT_COMPLETED",
    );
    expect((await h.call("GET", path)).body).toEqual({ report: null });

    await complete(h, planId);
    const key = await uploadPhoto(h);
    const put = await h.call("PUT", path, { body: report([key]), as: PRODUCER });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ harvestedUnits: 38, lotCount: 2, version: 1 });
    expect(put.body.photoKeys[0]).toMatch(/^photos\//);
    expect(put.body.photoUrls).toHaveLength(1);

    const read = await h.call("GET", path);
    expect(read.body.report).toMatchObject({ note: report().note, photoKeys: put.body.photoKeys });
    expect(read.body.draft).toBeUndefined();
    const asProducer = await h.call("GET", path, { as: PRODUCER });
    expect(asProducer.body.draft).toMatchObject({ canPublish: true, harvestedUnits: 38 });

    // The report's write carries one fan-out trigger; the flush's fan-out tells each owner.
    await fanOutNotices(h.ports)(SYSTEM_ACTOR)();
    const pending = await h.ports.outbox.listPending(100)();
    if (pending._tag === "Left") throw new Error("outbox");
    expect(
      pending.right
        .filter((m) => m.kind === "season-report-posted")
        .map((m) => m.recipientId)
        .sort(),
    ).toEqual(["o1", "o2"]);

    expectProblem(
      await h.call("PUT", path, { body: { ...report(), harvestedUnits: -1 }, as: PRODUCER }),
      400,
      "VALIDATION.INVALID",
    );
    expectProblem(
      await h.call("PUT", path, { body: report(), as: ["o1", "owner"] }),
      403,
      "AUTH.FORBIDDEN",
    );
  });

  it("lists the producer's next plan to its owners and reserves it in the early window", async () => {
    const h = makeHarness();
    const { planId } = await closedPlanWithOwners(h, { o1: 2 });
    await complete(h, planId);
    h.clock.set("2026-08-01T00:00:00.000Z");
    const next = await openPlan(h, "producer-a", {
      returningOwnersOpenAt: "2026-08-05T00:00:00.000Z",
      salesOpenAt: "2026-08-10T00:00:00.000Z",
      salesCloseAt: "2026-09-10T00:00:00.000Z",
      deliveryFrom: "2026-10-01",
      deliveryTo: "2026-10-31",
    });
    const cards = () => h.call("GET", "/me/next-seasons", { as: ["o1", "owner"] });
    expect((await cards()).body.items).toEqual([
      expect.objectContaining({
        completedPlan: expect.objectContaining({ id: planId }),
        nextPlan: expect.objectContaining({
          id: next,
          returningOwnersOpenAt: "2026-08-05T00:00:00.000Z",
        }),
        opensToYouAt: "2026-08-05T00:00:00.000Z",
        windowOpen: false,
        suggestedShares: 2,
        alreadyReserved: false,
      }),
    ]);

    h.clock.set("2026-08-06T00:00:00.000Z");
    expect((await cards()).body.items[0].windowOpen).toBe(true);
    const reserveAs = (owner: string) =>
      h.call("POST", `/plans/${next}/reservations`, {
        body: { shares: 2 },
        as: [owner, "owner"],
        headers: { "idempotency-key": `again-${owner}` },
      });
    expect((await reserveAs("o1")).status).toBe(201);
    expect((await reserveAs("newcomer")).status).toBe(409);
    expect((await cards()).body.items[0].alreadyReserved).toBe(true);
    expect((await h.call("GET", "/me/next-seasons", { as: ["newcomer", "owner"] })).body).toEqual({
      items: [],
    });
  });
});
