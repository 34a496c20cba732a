import { makeMemoryProducerProfileStore } from "@owners/adapter-memory";
import { type Plan, planId } from "@owners/domain";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { beforeEach, describe, expect, it } from "vitest";
import { fanOutNotices } from "../communication/fan-out-notices.ts";
import { makeCursorCodec } from "../cursor.ts";
import { appError } from "../errors.ts";
import { failWith, succeed } from "../testing/contracts/expect-task.ts";
import { sampleProducerProfile } from "../testing/contracts/producer-profile-store.contract.ts";
import { type HarvestWorld, makeHarvestWorld, SYSTEM } from "../testing/harvest-world.ts";
import type { VerifyPhoto } from "../uploads/photo-verification.ts";
import { getSeasonReport } from "./get-season-report.ts";
import { postSeasonReport } from "./post-season-report.ts";

describe("season report", () => {
  let world: HarvestWorld;
  let plan: Plan;
  let verified: string[];
  let deps: Parameters<typeof postSeasonReport>[0] & Parameters<typeof getSeasonReport>[0];

  beforeEach(async () => {
    world = makeHarvestWorld();
    verified = [];
    // An upload key becomes its verified copy's key, as verifyUploadedPhoto does.
    const verifyPhoto: VerifyPhoto = (_actor, key) => {
      verified.push(key);
      return key.startsWith("uploads/")
        ? TE.right(key.replace("uploads/", "photos/"))
        : TE.left(appError("UPLOAD.NOT_FOUND", "no such upload", { key }));
    };
    const producerProfiles = makeMemoryProducerProfileStore(makeCursorCodec("s"));
    deps = {
      ...world.deps,
      producerProfiles,
      verifyPhoto,
    };
    plan = await world.allocatedPlan(
      "plan_figs",
      [
        ["alice", 2],
        ["bob", 1],
      ],
      [
        ["lot-1", 30],
        ["lot-2", 10],
      ],
    );
    await succeed(
      producerProfiles.save(
        sampleProducerProfile({
          producerId: plan.producerId,
          displayName: "いちじく農園",
          version: 0,
        }),
        0,
      ),
    );
  });

  const complete = async () => {
    const current = await succeed(world.deps.plans.get(plan.id));
    if (current._tag === "None") throw new Error("no plan");
    // Parcels are another lane's: the plan is put into `completed` directly.
    plan = await succeed(
      world.deps.plans.save({ ...current.value, status: "completed" }, current.value.version),
    );
  };
  const input = (overrides: Partial<Parameters<ReturnType<typeof postSeasonReport>>[1]> = {}) => ({
    planId: plan.id,
    harvestedUnits: 40,
    lotCount: 2,
    note: "暑い夏でした",
    photoKeys: ["uploads/a.jpg"],
    ...overrides,
  });
  const pending = async () =>
    (await succeed(world.deps.outbox.listPending(100))).filter(
      (m) => m.kind === "season-report-posted",
    );
  const triggers = async () =>
    (await succeed(world.deps.outbox.listPendingFanOuts(100))).filter(
      (m) => m.kind === "season-report-posted",
    );
  /** The notification batch's fan-out step: the trigger becomes a message per owner. */
  const fanOut = () => succeed(fanOutNotices(world.deps)(SYSTEM));

  it("is refused before the plan completes, naming the status", async () => {
    const error = await failWith(postSeasonReport(deps)(world.producerOf(plan), input()));
    expect(error._tag).toBe("SEASON.PLAN_NOT_COMPLETED");
    expect(error.details).toMatchObject({ status: "allocated" });
    expect(verified).toEqual([]);
    expect(await pending()).toEqual([]);
  });

  it("gives the producer a form prefilled from the recorded lots; the public sees no draft", async () => {
    const view = await succeed(getSeasonReport(deps)(world.producerOf(plan), plan.id));
    expect(view).toEqual({
      report: null,
      draft: {
        harvestedUnits: 40,
        lotCount: 2,
        unitLabel: "pack",
        note: "",
        photoKeys: [],
        canPublish: false,
        planStatus: "allocated",
      },
    });
    expect(await succeed(getSeasonReport(deps)(undefined, plan.id))).toEqual({ report: null });
    expect(await succeed(getSeasonReport(deps)(world.owner("alice"), plan.id))).toEqual({
      report: null,
    });
  });

  it("publishes once the plan completes, with verified photos, telling each owner once", async () => {
    await complete();
    world.clock.advance(60_000);
    const report = await succeed(postSeasonReport(deps)(world.producerOf(plan), input()));
    expect(report).toMatchObject({
      planId: plan.id,
      harvestedUnits: 40,
      lotCount: 2,
      photoKeys: ["photos/a.jpg"],
      version: 1,
    });
    // ONE trigger, written with the report; the owners are told by the fan-out.
    expect(await pending()).toEqual([]);
    expect(await triggers()).toHaveLength(1);
    await fanOut();
    expect(await triggers()).toEqual([]);
    const told = await pending();
    expect(told.map((m) => m.recipientId).sort()).toEqual(["alice", "bob"]);
    expect(told.map((m) => m.dedupeKey).sort()).toEqual([
      `season-report-posted#${plan.id}#alice`,
      `season-report-posted#${plan.id}#bob`,
    ]);
    for (const message of told) expect(message.at).toBe(report.publishedAt);
    expect(told[0]?.params).toMatchObject({
      producerName: "いちじく農園",
      planTitle: plan.title,
      harvestedUnits: 40,
      unitLabel: "pack",
      planUrl: `/plans/${plan.id}`,
    });
    expect(await succeed(getSeasonReport(deps)(undefined, plan.id))).toEqual({ report });

    // An edit keeps its photos without verifying them again and tells nobody twice.
    world.clock.advance(60_000);
    const edited = await succeed(
      postSeasonReport(deps)(
        world.producerOf(plan),
        input({ note: "訂正", photoKeys: ["photos/a.jpg", "uploads/b.jpg"] }),
      ),
    );
    expect(edited).toMatchObject({
      note: "訂正",
      photoKeys: ["photos/a.jpg", "photos/b.jpg"],
      version: 2,
      publishedAt: report.publishedAt,
    });
    expect(verified).toEqual(["uploads/a.jpg", "uploads/b.jpg"]);
    expect(await triggers()).toEqual([]);
    await fanOut();
    expect(await pending()).toHaveLength(2);
  });

  it("tells nobody of a report whose write failed, and everyone once it is stored", async () => {
    await complete();
    const store = deps.seasonReports;
    let failures = 1;
    const flaky = {
      ...deps,
      seasonReports: {
        ...store,
        put: (...args: Parameters<typeof store.put>) =>
          failures-- > 0 ? TE.left(appError("STORE.UNAVAILABLE", "lost")) : store.put(...args),
      },
    };
    const lost = await failWith(postSeasonReport(flaky)(world.producerOf(plan), input()));
    expect(lost._tag).toBe("STORE.UNAVAILABLE");
    expect(await succeed(getSeasonReport(deps)(undefined, plan.id))).toEqual({ report: null });
    expect(await triggers()).toEqual([]);
    await fanOut();
    expect(await pending()).toEqual([]);

    await succeed(postSeasonReport(flaky)(world.producerOf(plan), input()));
    await fanOut();
    await fanOut(); // a repeated run tells nobody twice
    expect((await pending()).map((m) => m.recipientId).sort()).toEqual(["alice", "bob"]);
  });

  it("writes no trigger when a concurrent first publication won the store", async () => {
    await complete();
    const store = deps.seasonReports;
    // The winner's trigger is left out, so any trigger found below is the loser's.
    const winner = await succeed(
      postSeasonReport({ ...deps, seasonReports: { ...store, put: (r) => store.put(r) } })(
        world.producerOf(plan),
        input({ photoKeys: [] }),
      ),
    );
    // The loser read before the winner wrote: it too believes it publishes first.
    const loser = { ...deps, seasonReports: { ...store, get: () => TE.right(O.none) } };
    const error = await failWith(postSeasonReport(loser)(world.producerOf(plan), input()));
    expect(error._tag).toBe("STORE.VERSION_CONFLICT");
    expect(await triggers()).toEqual([]);
    expect(await succeed(getSeasonReport(deps)(undefined, plan.id))).toEqual({ report: winner });
  });

  it("is written by the plan's producer or an admin only", async () => {
    await complete();
    const asOwner = await failWith(postSeasonReport(deps)(world.owner("alice"), input()));
    expect(asOwner._tag).toBe("AUTH.FORBIDDEN");
    const other = await failWith(
      postSeasonReport(deps)({ id: "producer_other", role: "producer" }, input()),
    );
    expect(other._tag).toBe("PLAN.NOT_PRODUCER");
    const admin = { id: "admin-1", role: "admin" as const };
    expect((await succeed(postSeasonReport(deps)(admin, input({ photoKeys: [] })))).version).toBe(
      1,
    );
  });

  it("refuses invalid totals and an unknown plan", async () => {
    await complete();
    const bad = await failWith(
      postSeasonReport(deps)(world.producerOf(plan), input({ harvestedUnits: -3 })),
    );
    expect(bad).toMatchObject({ _tag: "SEASON.INVALID", details: { field: "harvestedUnits" } });
    const missing = await failWith(
      postSeasonReport(deps)(world.producerOf(plan), input({ planId: planId("plan_nope") })),
    );
    expect(missing._tag).toBe("PLAN.NOT_FOUND");
  });
});
