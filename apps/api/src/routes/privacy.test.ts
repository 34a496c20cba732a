import {
  makeLocalIdentityDirectory,
  makeMemoryProducerApplicationStore,
} from "@owners/adapter-memory";
import {
  type IdentityDirectory,
  makeCursorCodec,
  type ProducerApplicationStore,
} from "@owners/app";
import { ledgerBalance, type OwnerId, type PlanId } from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { describe, expect, it } from "vitest";
import { expectProblem } from "../testing/expect-problem.ts";
import {
  applicationBody,
  HARVEST,
  type Harness,
  makeHarness,
  openPlan,
  reserve,
  reserveUnpaid,
  TOKYO_ADDRESS,
} from "../testing/harness.ts";

const O1: [string, "owner"] = ["owner-1", "owner"];
const O2: [string, "owner"] = ["owner-2", "owner"];
const P: [string, "producer"] = ["producer-a", "producer"];
const ADMIN: [string, "admin"] = ["admin-1", "admin"];

/** A plan with owner-1 (address set, paid, commented) and owner-2 holding shares. */
const world = async (overrides: Record<string, unknown> = {}) => {
  const h = makeHarness();
  const planId = await openPlan(h, "producer-a", overrides);
  await h.call("PUT", "/me/address", { body: { address: TOKYO_ADDRESS, region: "kanto" }, as: O1 });
  const mine = await reserve(h, planId, "owner-1", 2);
  const theirs = await reserve(h, planId, "owner-2", 1);
  const update = await h.call("POST", `/plans/${planId}/updates`, {
    body: { body: "芽が出ました", visibility: "owners" },
    as: P,
  });
  const comment = await h.call("POST", `/updates/${update.body.id}/comments`, {
    body: { body: "楽しみです 山田より" },
    as: O1,
  });
  expect(comment.status).toBe(201);
  return {
    h,
    planId,
    update: update.body.id as string,
    mine: mine.body.id as string,
    theirs: theirs.body.id as string,
  };
};

describe("GET /me/export", () => {
  it("gives the signed-in person everything held about it, by category", async () => {
    const { h, mine } = await world();
    const answer = await h.call("GET", "/me/export", { as: O1 });
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-disposition")).toContain("attachment");
    const { data } = answer.body;
    expect(answer.body).toMatchObject({ personId: "owner-1", role: "owner" });
    expect(data.profile.address).toEqual(TOKYO_ADDRESS);
    expect(data.ownerships.map((o: { ownership: { id: string } }) => o.ownership.id)).toEqual([
      mine,
    ]);
    expect(data.ownerships[0].payments.map((e: { kind: string }) => e.kind)).toContain("charge");
    expect(data.comments.map((c: { body: string }) => c.body)).toEqual(["楽しみです 山田より"]);
    expect(data.audit.map((e: { action: string }) => e.action)).toContain("ownership.reserved");
    for (const category of ["credits", "shipments", "parcels", "bookings", "messages", "photos"])
      expect(Array.isArray(data[category]), category).toBe(true);
    // Nothing of owner-2's.
    expect(JSON.stringify(data)).not.toContain("owner-2");
  });
});

describe("DELETE /me", () => {
  it("cancels and refunds held ownerships, erases, deletes the sign-in; the export is then 404", async () => {
    const { h, planId, mine } = await world();
    const deleted = await h.call("DELETE", "/me", { as: O1 });
    expect(deleted.status).toBe(200);
    expect(deleted.body).toMatchObject({ personId: "owner-1", cancelledOwnershipIds: [mine] });
    expect(h.ports.identityDirectory.isDeleted("owner-1")).toBe(true);
    expectProblem(await h.call("GET", "/me/export", { as: O1 }), 404, "ACCOUNT.NOT_FOUND");
    expectProblem(await h.call("DELETE", "/me", { as: O1 }), 404, "ACCOUNT.NOT_FOUND");
    // The ownership is cancelled and refunded; its money records stay, under the pseudonym.
    const entries = await h.ports.ledger.listByPlan(planId as PlanId)();
    if (E.isLeft(entries)) throw new Error(entries.left.message);
    const balance = ledgerBalance(entries.right);
    expect(balance.isBalanced).toBe(true);
    expect(balance.refundsYen).toBeGreaterThan(0);
    const history = await h.call("GET", `/ownerships/${mine}/history`, { as: ADMIN });
    expect(history.body.entries.map((e: { action: string }) => e.action)).toContain(
      "ownership.cancelled",
    );
    // Profile gone, comment blanked, owner-2 untouched.
    const profile = await h.ports.profiles.get("owner-1" as OwnerId)();
    expect(E.isRight(profile) && O.isNone(profile.right)).toBe(true);
    const export2 = await h.call("GET", "/me/export", { as: O2 });
    expect(export2.body.data.ownerships).toHaveLength(1);
    expect(JSON.stringify(export2.body)).not.toContain("山田");
  });

  it("refuses with the reasons once a held ownership is past its cancellation deadline", async () => {
    const { h, mine } = await world({ cancellationDeadline: "2026-05-02T00:00:00.000Z" });
    h.clock.set("2026-05-03T00:00:00.000Z");
    const refused = await h.call("DELETE", "/me", { as: O1 });
    expectProblem(refused, 409, "ACCOUNT.DELETION_BLOCKED");
    expect(refused.body.details.blockers).toEqual([
      expect.objectContaining({ reason: "CANCELLATION_CLOSED", ownershipId: mine }),
    ]);
    // Nothing was erased.
    expect((await h.call("GET", "/me/export", { as: O1 })).body.data.profile).not.toBeNull();
    expect(h.ports.identityDirectory.isDeleted("owner-1")).toBe(false);
  });

  it("refuses a producer with a live plan", async () => {
    const { h, planId } = await world();
    const refused = await h.call("DELETE", "/me", { as: P });
    expectProblem(refused, 409, "ACCOUNT.DELETION_BLOCKED");
    expect(refused.body.details.blockers).toEqual([
      { reason: "LIVE_PLAN", planId, planStatus: "open" },
    ]);
  });
});

describe("a closed account's token", () => {
  const storedApplication = async (h: Harness, id: string) => {
    const stored = await h.ports.producerApplications.get(id)();
    if (E.isLeft(stored)) throw new Error(stored.left.message);
    return O.toNullable(stored.right);
  };

  it("still valid after DELETE /me, stores nothing more: every call is ACCOUNT.NOT_FOUND", async () => {
    const { h, planId, update } = await world();
    expect((await h.call("DELETE", "/me", { as: O1 })).status).toBe(200);
    const calls: [string, string, unknown?][] = [
      ["PUT", "/me/profile", { displayName: "山田はなこ" }],
      ["PUT", "/me/address", { address: TOKYO_ADDRESS, region: "kanto" }],
      ["POST", "/me/addresses", { label: "自宅", address: TOKYO_ADDRESS, region: "kanto" }],
      ["POST", "/producer-applications", applicationBody()],
      ["POST", `/updates/${update}/comments`, { body: "また来ました 山田" }],
      ["POST", "/producers/producer-a/follow"],
      ["GET", "/me/addresses"],
      ["GET", "/me/export"],
      ["DELETE", "/me"],
    ];
    for (const [method, path, body] of calls)
      expectProblem(
        await h.call(method, path, { as: O1, ...(body === undefined ? {} : { body }) }),
        404,
        "ACCOUNT.NOT_FOUND",
      );
    expectProblem(
      await reserveUnpaid(h, planId, "owner-1", 1, "after-closure"),
      404,
      "ACCOUNT.NOT_FOUND",
    );
    expect(await storedApplication(h, "owner-1")).toBeNull();
    const profile = await h.ports.profiles.get("owner-1" as OwnerId)();
    expect(E.isRight(profile) && O.isNone(profile.right)).toBe(true);
  });

  it("is refused on writes when another instance recorded the closure", async () => {
    const h = makeHarness();
    await h.ports.accountClosures.record({ personId: "owner-1", closedAt: h.clock.now() })();
    // A read is not checked against the tombstone: there is nothing left for it to show.
    expect((await h.call("GET", "/me/addresses", { as: O1 })).status).toBe(200);
    expectProblem(
      await h.call("PUT", "/me/address", {
        body: { address: TOKYO_ADDRESS, region: "kanto" },
        as: O1,
      }),
      404,
      "ACCOUNT.NOT_FOUND",
    );
    // Once this instance has seen the closure, reads are refused too.
    expectProblem(await h.call("GET", "/me/addresses", { as: O1 }), 404, "ACCOUNT.NOT_FOUND");
    expect((await h.call("GET", "/me/addresses", { as: O2 })).status).toBe(200);
  });

  it("erases what a write racing the closure stored after the closure's erasure", async () => {
    // The application is saved after DELETE /me ran whole (the write checked while still open).
    let during: () => Promise<unknown> = async () => undefined;
    const inner = makeMemoryProducerApplicationStore(makeCursorCodec("closure-race"));
    const applications: ProducerApplicationStore = {
      ...inner,
      save: (application, version) =>
        TE.chain(() => inner.save(application, version))(TE.fromTask(() => during())),
    };
    const h = makeHarness({ ports: { producerApplications: applications } });
    during = async () => {
      during = async () => undefined;
      expect((await h.call("DELETE", "/me", { as: O1 })).status).toBe(200);
    };
    const raced = await h.call("POST", "/producer-applications", {
      body: applicationBody(),
      as: O1,
    });
    expectProblem(raced, 404, "ACCOUNT.NOT_FOUND");
    expect(await storedApplication(h, "owner-1")).toMatchObject({ farmName: "", story: "" });
  });

  it("erases what a write stored between the closure's erasure and its tombstone", async () => {
    // The whole write runs while the identity provider's user is deleted: erased, not recorded.
    const directory = makeLocalIdentityDirectory();
    let during: () => Promise<unknown> = async () => undefined;
    const identityDirectory: IdentityDirectory = {
      ...directory,
      deleteUser: (userId) =>
        TE.chain(() => directory.deleteUser(userId))(TE.fromTask(() => during())),
    };
    const h = makeHarness({ ports: { identityDirectory } });
    during = async () => {
      during = async () => undefined;
      const applied = await h.call("POST", "/producer-applications", {
        body: applicationBody(),
        as: O1,
      });
      expect(applied.status).toBe(201);
    };
    expect((await h.call("DELETE", "/me", { as: O1 })).status).toBe(200);
    expect(await storedApplication(h, "owner-1")).toMatchObject({ farmName: "", story: "" });
  });
});

describe("DELETE /me with waitlists", () => {
  const O3: [string, "owner"] = ["owner-3", "owner"];
  const join = (h: Harness, planId: string, as: [string, "owner"], shares = 1) =>
    h.call("POST", `/plans/${planId}/waitlist`, { body: { shares }, as });
  const place = async (h: Harness, planId: string, as: [string, "owner"]) =>
    (await h.call("GET", `/plans/${planId}/waitlist/mine`, { as })).body;
  const offersMade = async (h: Harness) => {
    const pending = await h.ports.outbox.listPending(100)();
    if (E.isLeft(pending)) throw new Error(pending.left.message);
    return pending.right
      .filter((m) => m.kind === "waitlist-offer-made")
      .map((m) => m.recipientId as string);
  };
  /** A sold-out plan (owner-1 holds its only share); owner-2 waits first, owner-3 second. */
  const soldOutWithLine = async () => {
    const h = makeHarness();
    const planId = await openPlan(h, "producer-a", { totalShares: 1, maxSharesPerOwner: 1 });
    const mine = (await reserve(h, planId, "owner-1", 1)).body.id as string;
    expect((await join(h, planId, O2)).body.position).toBe(1);
    expect((await join(h, planId, O3)).body.position).toBe(2);
    return { h, planId, mine };
  };

  it("exports the person's places in line", async () => {
    const { h, planId } = await soldOutWithLine();
    const data = (await h.call("GET", "/me/export", { as: O3 })).body.data;
    expect(data.waitlistEntries).toEqual([
      { planId, shares: 1, joinedAt: expect.any(String), position: 2 },
    ]);
    expect(data.waitlistOffers).toEqual([]);
  });

  it("takes the person out of every line: a later cancellation offers the next owner, not it", async () => {
    const { h, planId, mine } = await soldOutWithLine();
    expect((await h.call("DELETE", "/me", { as: O2 })).status).toBe(200);
    // owner-3 moved up as if owner-2 had left.
    expect(await place(h, planId, O3)).toMatchObject({ status: "waiting", position: 1 });
    expect((await h.call("DELETE", `/ownerships/${mine}`, { as: O1 })).status).toBe(200);
    expect(await place(h, planId, O3)).toMatchObject({ status: "offered", offer: { shares: 1 } });
    expect(await offersMade(h)).toEqual(["owner-3"]);
    // The one share is held for owner-3's offer: not for sale, not lost.
    expect((await h.call("GET", `/plans/${planId}`, { as: O3 })).body.sharesRemaining).toBe(0);
  });

  it("passes an offer the person holds to the next in line, as if it had lapsed", async () => {
    const { h, planId, mine } = await soldOutWithLine();
    await h.call("DELETE", `/ownerships/${mine}`, { as: O1 });
    expect(await place(h, planId, O2)).toMatchObject({ status: "offered" });
    expect(await place(h, planId, O3)).toMatchObject({ status: "waiting", position: 1 });
    expect((await h.call("DELETE", "/me", { as: O2 })).status).toBe(200);
    expect(await place(h, planId, O3)).toMatchObject({ status: "offered", offer: { shares: 1 } });
    // owner-2's own offer notice was erased with its messages; owner-3 hears of the new one.
    expect(await offersMade(h)).toEqual(["owner-3"]);
    // The one share is held for owner-3's offer: not for sale, not lost.
    expect((await h.call("GET", `/plans/${planId}`, { as: O3 })).body.sharesRemaining).toBe(0);
  });

  it("never offers the person the shares its own closure frees", async () => {
    const h = makeHarness();
    const planId = await openPlan(h, "producer-a", { totalShares: 2, maxSharesPerOwner: 2 });
    await reserve(h, planId, "owner-1", 1);
    await reserve(h, planId, "owner-2", 1);
    await join(h, planId, O2);
    await join(h, planId, O3);
    const closed = await h.call("DELETE", "/me", { as: O2 });
    expect(closed.status).toBe(200);
    expect(closed.body.cancelledOwnershipIds).toHaveLength(1);
    // Its token is refused now (a closed account); the line holds owner-3 alone.
    expect(await place(h, planId, O3)).toMatchObject({ status: "offered", offer: { shares: 1 } });
    expect(await offersMade(h)).toEqual(["owner-3"]);
    // It left the line before its ownership was cancelled: no offer was ever made to it.
    const audit = await h.ports.audit.listByPlan(planId as PlanId)();
    if (E.isLeft(audit)) throw new Error(audit.left.message);
    expect(
      audit.right
        .filter((e) => e.action === "waitlist.offered")
        .map((e) => (e.after as { ownerId: string }).ownerId),
    ).toEqual(["owner-3"]);
  });
});

describe("audit history", () => {
  it("shows an ownership's history to its owner, the plan's producer and admins only", async () => {
    const { h, mine } = await world();
    const path = `/ownerships/${mine}/history`;
    for (const who of [O1, P, ADMIN]) {
      const answer = await h.call("GET", path, { as: who });
      expect(answer.status, who[0]).toBe(200);
      expect(answer.body.entries).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            action: "ownership.reserved",
            actor: { id: "owner-1", role: "owner" },
            subject: { type: "ownership", id: mine },
          }),
        ]),
      );
    }
    expectProblem(await h.call("GET", path, { as: O2 }), 403, "AUTH.FORBIDDEN");
    expectProblem(
      await h.call("GET", path, { as: ["producer-b", "producer"] }),
      403,
      "AUTH.FORBIDDEN",
    );
  });

  it("pages a plan's history for its producer and admins", async () => {
    const { h, planId } = await world();
    const first = await h.call("GET", `/plans/${planId}/history?limit=2`, { as: P });
    expect(first.status).toBe(200);
    expect(first.body.entries).toHaveLength(2);
    const next = await h.call(
      "GET",
      `/plans/${planId}/history?limit=100&cursor=${encodeURIComponent(first.body.nextCursor)}`,
      { as: ADMIN },
    );
    expect(next.body.nextCursor).toBeNull();
    const actions = [...first.body.entries, ...next.body.entries].map(
      (e: { action: string }) => e.action,
    );
    expect(actions).toEqual(expect.arrayContaining(["plan.created", "plan.published"]));
    expect(actions.filter((a) => a === "ownership.reserved")).toHaveLength(2);
    expectProblem(
      await h.call("GET", `/plans/${planId}/history`, { as: O1 }),
      403,
      "AUTH.FORBIDDEN",
    );
  });

  it("lets admins search by subject, actor and time; a search naming neither is a 400", async () => {
    const { h, mine } = await world();
    const bySubject = await h.call("GET", `/admin/audit?subjectType=ownership&subjectId=${mine}`, {
      as: ADMIN,
    });
    expect(
      bySubject.body.entries.every((e: { subject: { id: string } }) => e.subject.id === mine),
    ).toBe(true);
    const byActor = await h.call("GET", "/admin/audit?actorId=owner-2", { as: ADMIN });
    expect(byActor.body.entries.length).toBeGreaterThan(0);
    expect(
      byActor.body.entries.every((e: { actor: { id: string } }) => e.actor.id === "owner-2"),
    ).toBe(true);
    const none = await h.call("GET", "/admin/audit?actorId=owner-2&to=2000-01-01T00:00:00.000Z", {
      as: ADMIN,
    });
    expect(none.body.entries).toEqual([]);
    expectProblem(await h.call("GET", "/admin/audit", { as: ADMIN }), 400, "AUDIT.QUERY_INVALID");
    expectProblem(
      await h.call("GET", "/admin/audit?actorId=owner-2", { as: O2 }),
      403,
      "AUTH.FORBIDDEN",
    );
  });

  it("audits a recorded harvest lot with its producer as the actor", async () => {
    const { h, planId } = await world();
    expect((await h.call("POST", `/plans/${planId}/close`, { as: P })).status).toBe(200);
    const lot = await h.call("POST", `/plans/${planId}/harvests`, { body: HARVEST, as: P });
    expect(lot.status).toBe(201);
    const found = await h.call("GET", `/admin/audit?subjectType=lot&subjectId=${lot.body.id}`, {
      as: ADMIN,
    });
    expect(found.body.entries).toEqual([
      expect.objectContaining({
        action: "harvest.lot_recorded",
        actor: { id: "producer-a", role: "producer" },
        planId,
        after: expect.objectContaining({ quantity: HARVEST.quantity }),
      }),
    ]);
  });
});
