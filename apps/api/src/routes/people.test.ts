import { fanOutNotices, SYSTEM_ACTOR } from "@owners/app";
import { sampleProducerProfile } from "@owners/app/testing";
import { producerId } from "@owners/domain";
import { describe, expect, it } from "vitest";
import { expectProblem } from "../testing/expect-problem.ts";
import {
  closedPlanWithOwners,
  HARVEST,
  type Harness,
  makeHarness,
  openPlan,
  reserve,
  TOKYO_ADDRESS,
} from "../testing/harness.ts";

const PRODUCER: [string, "producer"] = ["producer-a", "producer"];
const ADMIN: [string, "admin"] = ["root", "admin"];

const approve = async (h: Harness, id: string, overrides = {}) => {
  const saved = await h.ports.producerProfiles.save(
    sampleProducerProfile({ producerId: producerId(id), ...overrides }),
    0,
  )();
  if (saved._tag === "Left") throw new Error(saved.left.message);
};

describe("producers as people", () => {
  it("lists approved producers by prefecture and category, one page at a time", async () => {
    const h = makeHarness();
    await approve(h, "p-waka", { approvedAt: "2026-04-01T00:00:00.000Z" });
    await approve(h, "p-hokkaido", {
      prefecture: "北海道",
      categories: ["fish"],
      approvedAt: "2026-04-02T00:00:00.000Z",
    });
    const ids = async (query: string) =>
      (await h.call("GET", `/producers${query}`)).body.producers.map((p: { id: string }) => p.id);
    expect(await ids("")).toEqual(["p-hokkaido", "p-waka"]);
    expect(await ids("?prefecture=北海道")).toEqual(["p-hokkaido"]);
    expect(await ids("?category=fruit")).toEqual(["p-waka"]);
    expect(await ids("?prefecture=北海道&category=fruit")).toEqual([]);
    const first = await h.call("GET", "/producers?limit=1");
    expect(first.body.producers).toHaveLength(1);
    const second = await h.call("GET", `/producers?limit=1&cursor=${first.body.nextCursor}`);
    expect(second.body).toMatchObject({ producers: [{ id: "p-waka" }], nextCursor: null });
    expectProblem(await h.call("GET", "/producers?limit=0"), 400, "VALIDATION.INVALID");
  });

  it("shows the public page: profile with disclosure, plans, owners and returning owners", async () => {
    const h = makeHarness();
    await approve(h, "producer-a", { displayName: "山田農園" });
    const { planId: first } = await closedPlanWithOwners(h, { o1: 1, o2: 1 });
    const second = await openPlan(h);
    await reserve(h, second, "o1", 1, "again");
    const page = await h.call("GET", "/producers/producer-a");
    expect(page.status).toBe(200);
    expect(page.body.profile).toMatchObject({
      displayName: "山田農園",
      disclosure: { legalName: "山田農園株式会社" },
    });
    expect(page.body.plans.current.map((p: { id: string }) => p.id).sort()).toEqual(
      [first, second].sort(),
    );
    expect(page.body).toMatchObject({ owners: 2, returningOwners: 1, seasonReports: [] });
    expect(page.body.plans.current[0].producer).toEqual({
      id: "producer-a",
      displayName: "山田農園",
      prefecture: "和歌山県",
    });
    expectProblem(await h.call("GET", "/producers/nobody"), 404, "PRODUCER.NOT_FOUND");
  });

  it("gives plans their producer card and cover photo (null before a profile)", async () => {
    const h = makeHarness();
    const planId = await openPlan(h);
    expect((await h.call("GET", `/plans/${planId}`)).body).toMatchObject({
      producer: null,
      coverPhotoUrl: null,
    });
    await approve(h, "producer-a", { displayName: "山田農園" });
    const listed = await h.call("GET", "/plans");
    expect(listed.body.items[0].producer).toMatchObject({ displayName: "山田農園" });
  });

  it("lets the producer edit its own profile, checking what it sends", async () => {
    const h = makeHarness();
    await approve(h, "producer-a");
    const edited = await h.call("PUT", "/producers/me/profile", {
      body: { story: "新しい話", categories: ["vegetable"], expectedVersion: 1 },
      as: PRODUCER,
    });
    expect(edited.body).toMatchObject({ story: "新しい話", categories: ["vegetable"], version: 2 });
    const listed = await h.call("GET", "/producers?category=vegetable");
    expect(listed.body.producers.map((p: { id: string }) => p.id)).toEqual(["producer-a"]);
    expectProblem(
      await h.call("PUT", "/producers/me/profile", {
        body: { links: [{ label: "x", url: "javascript:alert(1)" }] },
        as: PRODUCER,
      }),
      400,
      "PROFILE.INVALID",
    );
    expectProblem(
      await h.call("PUT", "/producers/me/profile", {
        body: { story: "古い", expectedVersion: 1 },
        as: PRODUCER,
      }),
      409,
      "STORE.VERSION_CONFLICT",
    );
  });

  it("tells followers of the producer's next plan, except those who turned it off", async () => {
    const h = makeHarness();
    await approve(h, "producer-a", { displayName: "山田農園" });
    for (const owner of ["o1", "o2"])
      expect(
        (await h.call("PUT", "/producers/producer-a/follow", { as: [owner, "owner"] })).body,
      ).toMatchObject({ following: true });
    await h.call("PUT", "/me/profile", {
      body: { notifications: { followedProducers: false } },
      as: ["o2", "owner"],
    });
    expect((await h.call("GET", "/producers/producer-a")).body.followers).toBe(2);
    const follows = await h.call("GET", "/me/follows", { as: ["o1", "owner"] });
    expect(follows.body.items).toMatchObject([
      { producerId: "producer-a", producer: { displayName: "山田農園" } },
    ]);
    const planId = await openPlan(h);
    // The publish wrote one fan-out trigger; the notification batch expands it per follower.
    await fanOutNotices(h.ports)(SYSTEM_ACTOR)();
    const pending = await h.ports.outbox.listPending(100)();
    if (pending._tag === "Left") throw new Error("outbox");
    const told = pending.right.filter((m) => m.kind === "followed-producer-published");
    expect(told.map((m) => m.recipientId)).toEqual(["o1"]);
    expect(told[0]?.dedupeKey).toBe(`followed-producer-published#${planId}#o1`);
    expect(told[0]?.subject).toContain("山田農園");
    const unfollowed = await h.call("DELETE", "/producers/producer-a/follow", {
      as: ["o1", "owner"],
    });
    expect(unfollowed.body).toEqual({ producerId: "producer-a", following: false, followers: 1 });
    expectProblem(
      await h.call("PUT", "/producers/nobody/follow", { as: ["o1", "owner"] }),
      404,
      "PRODUCER.NOT_FOUND",
    );
  });
});

describe("owners as people", () => {
  it("shows the display name on comments to everyone, and owners' names to their producer only", async () => {
    const h = makeHarness();
    await approve(h, "producer-a", { displayName: "山田農園" });
    const { planId } = await closedPlanWithOwners(h, { o1: 1, o2: 1 });
    await h.call("PUT", "/me/profile", { body: { displayName: "はなこ" }, as: ["o1", "owner"] });
    const update = await h.call("POST", `/plans/${planId}/updates`, {
      body: { body: "収穫まであと少し", visibility: "public" },
      as: PRODUCER,
    });
    const posted = await h.call("POST", `/updates/${update.body.id}/comments`, {
      body: { body: "楽しみです" },
      as: ["o1", "owner"],
    });
    expect(posted.body.authorName).toBe("はなこ");
    await h.call("POST", `/updates/${update.body.id}/comments`, {
      body: { body: "ありがとうございます" },
      as: PRODUCER,
    });
    await h.call("POST", `/updates/${update.body.id}/comments`, {
      body: { body: "名無しです" },
      as: ["o2", "owner"],
    });
    const listed = await h.call("GET", `/updates/${update.body.id}/comments`);
    expect(listed.body.items.map((c: { authorName: string | null }) => c.authorName)).toEqual([
      "はなこ",
      "山田農園",
      null,
    ]);

    await h.call("POST", `/plans/${planId}/harvests`, { body: HARVEST, as: PRODUCER });
    await h.call("POST", "/admin/batches/allocate-harvests", { body: { planId }, as: ADMIN });
    const names = async (as: [string, "owner" | "producer"]) =>
      Object.fromEntries(
        (await h.call("GET", `/plans/${planId}/allocations`, { as })).body.items.map(
          (a: { ownerId: string; ownerName: string | null }) => [a.ownerId, a.ownerName],
        ),
      );
    expect(await names(PRODUCER)).toEqual({ o1: "はなこ", o2: null });
    // An owner sees only its own row, and no name on it.
    expect(await names(["o1", "owner"])).toEqual({ o1: null });
  });

  it("keeps several addresses, audits each change without the address, and keeps /me/address", async () => {
    const h = makeHarness();
    const O1: [string, "owner"] = ["o1", "owner"];
    await h.call("PUT", "/me/profile", { body: { displayName: "はなこ", language: "en" }, as: O1 });
    const home = await h.call("POST", "/me/addresses", {
      body: { label: "自宅", address: TOKYO_ADDRESS, region: "kanto" },
      as: O1,
    });
    expect(home.status).toBe(201);
    expect(home.body.addresses[0]).toMatchObject({ label: "自宅", isDefault: true });
    const osaka = { ...TOKYO_ADDRESS, prefecture: "大阪府", city: "大阪市北区" };
    const both = await h.call("POST", "/me/addresses", {
      body: { label: "実家", address: osaka, region: "kinki", makeDefault: true },
      as: O1,
    });
    expect(both.body.addresses.map((a: { isDefault: boolean }) => a.isDefault)).toEqual([
      false,
      true,
    ]);
    // Shipping's default address follows, and the rest of the profile stays.
    expect((await h.call("GET", "/me/address", { as: O1 })).body).toMatchObject({
      address: { city: "大阪市北区" },
      region: "kinki",
    });
    const removed = await h.call("DELETE", `/me/addresses/${home.body.addresses[0].id}`, {
      as: O1,
    });
    expect(removed.body.addresses).toHaveLength(1);
    await h.call("PUT", "/me/address", {
      body: { address: TOKYO_ADDRESS, region: "kanto" },
      as: O1,
    });
    expect((await h.call("GET", "/me/profile", { as: O1 })).body).toMatchObject({
      displayName: "はなこ",
      language: "en",
      notifications: { updates: true },
    });

    const audit = await h.ports.audit.listBySubject("owner", "o1")();
    if (audit._tag === "Left") throw new Error("audit");
    expect(audit.right.map((e) => e.action)).toEqual([
      "address.added",
      "address.added",
      "address.removed",
      "address.changed",
    ]);
    expect(JSON.stringify(audit.right)).not.toContain("渋谷区");
    expectProblem(
      await h.call("PUT", "/me/addresses/adr_nope", {
        body: { label: "x", address: TOKYO_ADDRESS, region: "kanto" },
        as: O1,
      }),
      404,
      "ADDRESS.NOT_FOUND",
    );
    expectProblem(
      await h.call("PUT", "/me/profile", { body: { notifications: { spam: true } }, as: O1 }),
      400,
      "PROFILE.INVALID",
    );
    expectProblem(
      await h.call("POST", "/me/addresses", {
        body: { label: "x", address: TOKYO_ADDRESS, region: "atlantis" },
        as: O1,
      }),
      400,
      "VALIDATION.INVALID",
    );
  });
});
