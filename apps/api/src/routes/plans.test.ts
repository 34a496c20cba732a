import { SAMPLE_JPEG, sampleProducerProfile } from "@owners/app/testing";
import { producerId } from "@owners/domain";
import * as O from "fp-ts/lib/Option.js";
import { describe, expect, it } from "vitest";
import { expectProblem, fieldsOf } from "../testing/expect-problem.ts";
import { type Harness, makeHarness, openPlan, planBody, T0 } from "../testing/harness.ts";

const PRODUCER: [string, "producer"] = ["producer-a", "producer"];
const OTHER_PRODUCER: [string, "producer"] = ["producer-b", "producer"];

const draft = async (h: Harness, overrides: Record<string, unknown> = {}) => {
  const created = await h.call("POST", "/plans", { body: planBody(overrides), as: PRODUCER });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body as { id: string; [field: string]: unknown };
};

/** A verified-ready photo: presigned for `as`, then "uploaded" into the memory store. */
const uploadPhoto = async (h: Harness, as: [string, "producer" | "owner"], bytes = SAMPLE_JPEG) => {
  const form = await h.call("POST", "/uploads", { body: { contentType: "image/jpeg" }, as });
  h.ports.blobs.receiveUpload(form.body, bytes, "image/jpeg");
  return form.body.key as string;
};

describe("POST /plans", () => {
  it("drafts a plan from the client's field names, with the documented defaults", async () => {
    const h = makeHarness();
    const plan = await draft(h);
    expect(plan).toMatchObject({
      id: expect.stringMatching(/^plan_/),
      producerId: "producer-a",
      status: "draft",
      description: planBody().description,
      priceYen: 6800,
      tiers: [],
      cancellationDeadline: planBody().salesCloseAt,
      surplusBonusCapUnits: 0,
      platformFeeBps: 1000,
      sharesSold: 0,
      sharesRemaining: 10,
    });
    // Every region of Japan's transit table, at the flat surcharge.
    expect(Object.keys(plan.shippingSurchargeYen as object)).toEqual(
      expect.arrayContaining(["hokkaido", "kanto", "kinki", "okinawa"]),
    );
  });

  it("keeps tiers, surcharges, early access and the cancellation deadline it is given", async () => {
    const h = makeHarness();
    const plan = await draft(h, {
      tiers: [{ kind: "firstShares", count: 3, priceYen: 6000 }],
      shippingSurchargeYen: { kanto: 800 },
      returningOwnersOpenAt: "2026-04-25T00:00:00.000Z",
      salesOpenAt: "2026-05-02T00:00:00.000Z",
      cancellationDeadline: "2026-05-20T00:00:00.000Z",
      surplusBonusCapUnits: 5,
    });
    expect(plan).toMatchObject({
      tiers: [{ kind: "firstShares", count: 3, priceYen: 6000 }],
      shippingSurchargeYen: { kanto: 800 },
      returningOwnersOpenAt: "2026-04-25T00:00:00.000Z",
      cancellationDeadline: "2026-05-20T00:00:00.000Z",
      surplusBonusCapUnits: 5,
    });
  });

  it("answers 400 VALIDATION.INVALID naming wrong types, missing and unknown fields", async () => {
    const h = makeHarness();
    const { title: _title, ...untitled } = planBody({ priceYen: "6800", extra: true });
    const answer = await h.call("POST", "/plans", { body: untitled, as: PRODUCER });
    expectProblem(answer, 400, "VALIDATION.INVALID");
    expect(fieldsOf(answer)).toEqual(expect.arrayContaining(["json.title", "json.priceYen"]));
  });

  it("answers 400 PLAN.INVALID for terms the domain refuses", async () => {
    const h = makeHarness();
    const answer = await h.call("POST", "/plans", {
      body: planBody({ salesCloseAt: "2026-04-01T00:00:00.000Z", maxSharesPerOwner: 50 }),
      as: PRODUCER,
    });
    expectProblem(answer, 400, "PLAN.INVALID");
    expect(fieldsOf(answer)).toEqual(
      expect.arrayContaining(["salesWindow.closesAt", "maxSharesPerOwner"]),
    );
  });

  it("is for producers: 401 without a token, 403 for an owner", async () => {
    const h = makeHarness();
    expectProblem(
      await h.call("POST", "/plans", { body: planBody() }),
      401,
      "AUTH.UNAUTHENTICATED",
    );
    expectProblem(
      await h.call("POST", "/plans", { body: planBody(), as: ["o1", "owner"] }),
      403,
      "AUTH.FORBIDDEN",
    );
  });

  it("lets an admin create a plan for a named, approved producer only", async () => {
    const h = makeHarness();
    const admin: [string, "admin"] = ["root", "admin"];
    expectProblem(
      await h.call("POST", "/plans", { body: planBody({ producerId: "producer-z" }), as: admin }),
      404,
      "PRODUCER.NOT_FOUND",
    );
    const approved = await h.ports.producerProfiles.save(
      sampleProducerProfile({ producerId: producerId("producer-z") }),
      0,
    )();
    expect(approved._tag).toBe("Right");
    const answer = await h.call("POST", "/plans", {
      body: planBody({ producerId: "producer-z" }),
      as: admin,
    });
    expect(answer.status).toBe(201);
    expect(answer.body.producerId).toBe("producer-z");
  });

  it("attaches only photos that pass verification", async () => {
    const h = makeHarness();
    const key = await uploadPhoto(h, PRODUCER);
    const drafted = await draft(h, { photoKeys: [key] });
    // The plan holds the verified copy, which no upload form can write to.
    expect(drafted.photoKeys).toEqual([key.replace("uploads/pending/", "photos/")]);
    // The page gets a download URL per photo, serving the uploaded bytes.
    const shown = await h.call("GET", `/plans/${drafted.id}`, { as: PRODUCER });
    expect(shown.body.photoUrls).toHaveLength(1);
    expect(h.ports.blobs.download(shown.body.photoUrls[0])).toEqual(O.some(SAMPLE_JPEG));
    const never = "uploads/pending/producer-a/photo_01JD3V6Q0W9Z6F7C8N2K4M5P6R.jpg";
    expectProblem(
      await h.call("POST", "/plans", { body: planBody({ photoKeys: [never] }), as: PRODUCER }),
      404,
      "UPLOAD.NOT_FOUND",
    );
    const someoneElses = await uploadPhoto(h, OTHER_PRODUCER);
    expectProblem(
      await h.call("POST", "/plans", {
        body: planBody({ photoKeys: [someoneElses] }),
        as: PRODUCER,
      }),
      403,
      "UPLOAD.FORBIDDEN",
    );
    const notAnImage = await uploadPhoto(
      h,
      PRODUCER,
      new TextEncoder().encode("not a jpeg at all"),
    );
    expectProblem(
      await h.call("POST", "/plans", { body: planBody({ photoKeys: [notAnImage] }), as: PRODUCER }),
      400,
      "UPLOAD.INVALID",
    );
  });
});

describe("GET /plans and /plans/{id}", () => {
  it("shows a plan with shares sold and remaining; drafts only to their producer", async () => {
    const h = makeHarness();
    const plan = await draft(h);
    expect((await h.call("GET", `/plans/${plan.id}`, { as: PRODUCER })).status).toBe(200);
    expectProblem(await h.call("GET", `/plans/${plan.id}`), 404, "PLAN.NOT_FOUND");
    expectProblem(
      await h.call("GET", `/plans/${plan.id}`, { as: OTHER_PRODUCER }),
      404,
      "PLAN.NOT_FOUND",
    );
    const open = await openPlan(h);
    const shown = await h.call("GET", `/plans/${open}`);
    expect(shown.body).toMatchObject({
      id: open,
      status: "open",
      sharesSold: 0,
      sharesRemaining: 10,
    });
  });

  it("answers 400 for a malformed id and 404 for an unknown one", async () => {
    const h = makeHarness();
    expectProblem(await h.call("GET", "/plans/bad%20id%3B"), 400, "VALIDATION.INVALID");
    expectProblem(await h.call("GET", `/plans/plan_${"x".repeat(200)}`), 400, "VALIDATION.INVALID");
    expectProblem(await h.call("GET", "/plans/plan_unknown"), 404, "PLAN.NOT_FOUND");
  });

  it("filters by category, region and status and pages with a cursor", async () => {
    const h = makeHarness();
    const fruit = [await openPlan(h), await openPlan(h), await openPlan(h)];
    const rice = await openPlan(h, "producer-b", { category: "rice", region: "chubu" });
    await draft(h);
    const first = await h.call("GET", "/plans?category=fruit&limit=2");
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await h.call(
      "GET",
      `/plans?category=fruit&limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`,
    );
    const ids = [...first.body.items, ...second.body.items].map((p: { id: string }) => p.id);
    expect(ids.sort()).toEqual([...fruit].sort());
    expect(second.body.nextCursor).toBeUndefined();
    const chubu = await h.call("GET", "/plans?region=chubu");
    expect(chubu.body.items.map((p: { id: string }) => p.id)).toEqual([rice]);
    // Public lists show open plans; asking for drafts is the producer's (own) business.
    expectProblem(await h.call("GET", "/plans?status=draft"), 403, "AUTH.FORBIDDEN");
    const own = await h.call("GET", "/plans?status=draft&producerId=producer-a", { as: PRODUCER });
    expect(own.body.items).toHaveLength(1);
  });

  it("answers 400 for a forged cursor or a bad filter", async () => {
    const h = makeHarness();
    expectProblem(await h.call("GET", "/plans?cursor=abc.def"), 400, "PAGINATION.INVALID_CURSOR");
    expectProblem(await h.call("GET", "/plans?status=bogus"), 400, "VALIDATION.INVALID");
    expectProblem(await h.call("GET", "/plans?limit=1000"), 400, "VALIDATION.INVALID");
    expectProblem(await h.call("GET", "/plans?color=red"), 400, "VALIDATION.INVALID");
  });
});

describe("plan management", () => {
  it("publishes its producer's draft once; others are refused", async () => {
    const h = makeHarness();
    const plan = await draft(h);
    expectProblem(
      await h.call("POST", `/plans/${plan.id}/publish`, { as: OTHER_PRODUCER }),
      403,
      "PLAN.NOT_PRODUCER",
    );
    expectProblem(
      await h.call("POST", `/plans/${plan.id}/publish`, { as: ["o1", "owner"] }),
      403,
      "AUTH.FORBIDDEN",
    );
    const published = await h.call("POST", `/plans/${plan.id}/publish`, { as: PRODUCER });
    expect(published.body.status).toBe("open");
    expectProblem(
      await h.call("POST", `/plans/${plan.id}/publish`, { as: PRODUCER }),
      409,
      "PLAN.ILLEGAL_TRANSITION",
    );
  });

  it("edits presentation and prices of an open plan, refuses frozen fields and stale versions", async () => {
    const h = makeHarness();
    const id = await openPlan(h);
    const edited = await h.call("PATCH", `/plans/${id}`, {
      body: { title: "完熟いちじく", priceYen: 7000 },
      as: PRODUCER,
    });
    expect(edited.body).toMatchObject({ title: "完熟いちじく", priceYen: 7000, version: 3 });
    const frozen = await h.call("PATCH", `/plans/${id}`, {
      body: { totalShares: 99 },
      as: PRODUCER,
    });
    expectProblem(frozen, 409, "PLAN.FROZEN_FIELD");
    expectProblem(
      await h.call("PATCH", `/plans/${id}`, {
        body: { title: "x" },
        as: PRODUCER,
        headers: { "if-match": '"2"' },
      }),
      409,
      "STORE.VERSION_CONFLICT",
    );
    expectProblem(
      await h.call("PATCH", `/plans/${id}`, { body: { title: "x" }, as: OTHER_PRODUCER }),
      403,
      "PLAN.NOT_PRODUCER",
    );
  });

  it("edits a draft's sales window field by field", async () => {
    const h = makeHarness();
    const plan = await draft(h);
    const edited = await h.call("PATCH", `/plans/${plan.id}`, {
      body: {
        salesCloseAt: "2026-05-20T00:00:00.000Z",
        cancellationDeadline: "2026-05-10T00:00:00.000Z",
      },
      as: PRODUCER,
    });
    expect(edited.body).toMatchObject({
      salesOpenAt: T0,
      salesCloseAt: "2026-05-20T00:00:00.000Z",
      cancellationDeadline: "2026-05-10T00:00:00.000Z",
    });
  });

  it("closes and cancels plans (producer or admin)", async () => {
    const h = makeHarness();
    const id = await openPlan(h);
    expectProblem(
      await h.call("POST", `/plans/${id}/close`, { as: OTHER_PRODUCER }),
      403,
      "PLAN.NOT_PRODUCER",
    );
    expect((await h.call("POST", `/plans/${id}/close`, { as: PRODUCER })).body.status).toBe(
      "closed",
    );
    const cancelled = await h.call("POST", `/plans/${id}/cancel`, {
      body: { reason: "The harvest failed." },
      as: ["root", "admin"],
    });
    expect(cancelled.body).toMatchObject({ plan: { status: "cancelled" }, refundedOwnerships: 0 });
    expectProblem(
      await h.call("POST", `/plans/${id}/publish`, { as: PRODUCER }),
      409,
      "PLAN.ILLEGAL_TRANSITION",
    );
  });

  it("attaches a verified photo to a plan", async () => {
    const h = makeHarness();
    const id = await openPlan(h);
    const key = await uploadPhoto(h, PRODUCER);
    const photo = key.replace("uploads/pending/", "photos/");
    const answer = await h.call("POST", `/plans/${id}/photos`, { body: { key }, as: PRODUCER });
    expect(answer.body.photoKeys).toEqual([photo]);
    // The same upload, or its verified photo, again changes nothing.
    for (const again of [key, photo])
      expect(
        (await h.call("POST", `/plans/${id}/photos`, { body: { key: again }, as: PRODUCER })).body
          .photoKeys,
      ).toEqual([photo]);
    const theirs = await uploadPhoto(h, OTHER_PRODUCER);
    expectProblem(
      await h.call("POST", `/plans/${id}/photos`, { body: { key: theirs }, as: OTHER_PRODUCER }),
      403,
      "PLAN.NOT_PRODUCER",
    );
  });

  it("removes a photo by its URL-encoded key, for its producer only", async () => {
    const h = makeHarness();
    const id = await openPlan(h);
    const photos: string[] = [];
    for (let i = 0; i < 2; i += 1) {
      const key = await uploadPhoto(h, PRODUCER);
      photos.push(key.replace("uploads/pending/", "photos/"));
      await h.call("POST", `/plans/${id}/photos`, { body: { key }, as: PRODUCER });
    }
    const [first, second] = photos as [string, string];
    const path = (key: string) => `/plans/${id}/photos/${encodeURIComponent(key)}`;
    expectProblem(
      await h.call("DELETE", path(first), { as: OTHER_PRODUCER }),
      403,
      "PLAN.NOT_PRODUCER",
    );
    expect((await h.call("DELETE", path(first))).status).toBe(401);
    const removed = await h.call("DELETE", path(first), { as: PRODUCER });
    expect(removed.status).toBe(200);
    expect(removed.body.photoKeys).toEqual([second]);
    expect((await h.call("GET", `/plans/${id}`)).body.photoKeys).toEqual([second]);
    // Again: nothing left to remove, the plan as it is.
    expect((await h.call("DELETE", path(first), { as: PRODUCER })).body.photoKeys).toEqual([
      second,
    ]);
    expectProblem(
      await h.call("DELETE", `/plans/plan_nope/photos/${encodeURIComponent(second)}`, {
        as: PRODUCER,
      }),
      404,
      "PLAN.NOT_FOUND",
    );
  });
});

describe("GET /plans/{id}/quote", () => {
  it("prices shares for a region, like the reservation would", async () => {
    const h = makeHarness();
    const id = await openPlan(h, "producer-a", { shippingSurchargeYen: { kanto: 500 } });
    const quote = await h.call("GET", `/plans/${id}/quote?shares=2&shippingRegion=kanto`);
    expect(quote.body).toMatchObject({
      shares: 2,
      unitPriceYen: 6800,
      shippingYen: 1000,
      totalYen: 14600,
    });
    expectProblem(
      await h.call("GET", `/plans/${id}/quote?shares=2&shippingRegion=okinawa`),
      400,
      "PRICING.UNKNOWN_REGION",
    );
    expectProblem(
      await h.call("GET", `/plans/${id}/quote?shares=0&shippingRegion=kanto`),
      400,
      "VALIDATION.INVALID",
    );
  });
});
