import { commentId, type Plan } from "@owners/domain";
import { beforeEach, describe, expect, it } from "vitest";
import { collectPages, failWith, succeed } from "../testing/contracts/expect-task.ts";
import { type HarvestWorld, makeHarvestWorld } from "../testing/harvest-world.ts";
import { addComment } from "./add-comment.ts";
import { hideComment } from "./hide-comment.ts";
import { listComments } from "./list-comments.ts";
import { listRecentComments } from "./list-recent-comments.ts";
import { postUpdate } from "./post-update.ts";

const admin = { id: "root", role: "admin" } as const;

describe("comment moderation", () => {
  let world: HarvestWorld;
  let plan: Plan;
  let updateId: string;
  beforeEach(async () => {
    world = makeHarvestWorld();
    plan = await world.openPlan("plan_figs");
    await world.reserve(plan, "alice", 1, 0);
    await world.reserve(plan, "bob", 1, 1);
    const update = await succeed(
      postUpdate(world.deps)(world.producerOf(plan), {
        planId: plan.id,
        body: "Figs are ripening",
        visibility: "public",
        photoKeys: [],
      }),
    );
    updateId = update.id;
  });
  const comment = async (who: string, body: string) => {
    world.clock.advance(1000);
    return succeed(addComment(world.deps)(world.owner(who), { updateId: updateId as never, body }));
  };
  const bodiesFor = async (actor: Parameters<ReturnType<typeof listComments>>[0]) =>
    (
      await collectPages(
        (page) => listComments(world.deps)(actor, { updateId: updateId as never, page }),
        10,
      )
    ).items.map((c) => c.body);

  it("hides a comment for everyone but admins, tells its author and audits it", async () => {
    await comment("alice", "Lovely!");
    const spam = await comment("bob", "Cheap watches at spam.example");
    const pendingBefore = (await succeed(world.deps.outbox.listPending(100))).length;
    world.clock.advance(60_000);
    const hidden = await succeed(
      hideComment(world.deps)(admin, { commentId: spam.id, reason: " advertising " }),
    );
    expect(hidden.hidden).toEqual({ reason: "advertising", by: "root", at: world.clock.now() });

    expect(await bodiesFor(undefined)).toEqual(["Lovely!"]);
    expect(await bodiesFor(world.owner("alice"))).toEqual(["Lovely!"]);
    expect(await bodiesFor(world.producerOf(plan))).toEqual(["Lovely!"]);
    expect(await bodiesFor(admin)).toEqual(["Lovely!", "Cheap watches at spam.example"]);

    const pending = await succeed(world.deps.outbox.listPending(100));
    expect(pending).toHaveLength(pendingBefore + 1);
    const told = pending.find((m) => m.kind === "comment-hidden");
    expect(told?.recipientId).toBe("bob");
    expect(told?.body).toContain("advertising");

    const audit = await succeed(world.deps.audit.listBySubject("comment", spam.id));
    expect(audit.map((e) => [e.action, e.actor, e.planId])).toEqual([
      ["comment.hidden", { id: "root", role: "admin" }, plan.id],
    ]);
  });

  it("lets only admins hide, needs a reason, and refuses a second hiding or a missing comment", async () => {
    const c = await comment("alice", "Hello");
    for (const actor of [world.owner("bob"), world.producerOf(plan)])
      expect(
        (await failWith(hideComment(world.deps)(actor, { commentId: c.id, reason: "x" })))._tag,
      ).toBe("AUTH.FORBIDDEN");
    expect(
      (await failWith(hideComment(world.deps)(admin, { commentId: c.id, reason: "  " })))._tag,
    ).toBe("COMMUNICATION.INVALID");
    expect(
      (
        await failWith(
          hideComment(world.deps)(admin, { commentId: commentId("cmt_none"), reason: "spam" }),
        )
      )._tag,
    ).toBe("COMMENT.NOT_FOUND");
    await succeed(hideComment(world.deps)(admin, { commentId: c.id, reason: "spam" }));
    expect(
      (await failWith(hideComment(world.deps)(admin, { commentId: c.id, reason: "spam" })))._tag,
    ).toBe("COMMENT.ALREADY_HIDDEN");
    expect(await bodiesFor(world.owner("alice"))).toEqual([]);
  });

  it("lists every comment newest first for admins only", async () => {
    await comment("alice", "first");
    const second = await comment("bob", "second");
    await succeed(hideComment(world.deps)(admin, { commentId: second.id, reason: "spam" }));
    const page = await succeed(listRecentComments(world.deps)(admin, {}));
    expect(page.items.map((c) => [c.body, c.hidden?.reason])).toEqual([
      ["second", "spam"],
      ["first", undefined],
    ]);
    expect((await failWith(listRecentComments(world.deps)(world.owner("alice"), {})))._tag).toBe(
      "AUTH.FORBIDDEN",
    );
  });
});
