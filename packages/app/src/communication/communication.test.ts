import { type Plan, planId, updateId } from "@owners/domain";
import { beforeEach, describe, expect, it } from "vitest";
import { collectPages, failWith, succeed } from "../testing/contracts/expect-task.ts";
import { type HarvestWorld, makeHarvestWorld } from "../testing/harvest-world.ts";
import { addComment } from "./add-comment.ts";
import { listComments } from "./list-comments.ts";
import { listUpdates } from "./list-updates.ts";
import { postUpdate } from "./post-update.ts";

describe("updates and comments", () => {
  let world: HarvestWorld;
  let plan: Plan;
  beforeEach(async () => {
    world = makeHarvestWorld();
    plan = await world.openPlan("plan_figs");
    await world.reserve(plan, "alice", 2, 0);
    await world.reserve(plan, "bob", 1, 1);
  });
  const post = (
    visibility: "public" | "owners",
    body = `news for ${visibility}`,
    idempotencyKey?: string,
  ) => {
    world.clock.advance(1000);
    return succeed(
      postUpdate(world.deps)(world.producerOf(plan), {
        planId: plan.id,
        body,
        visibility,
        photoKeys: ["photos/figs/1.jpg"],
        ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
      }),
    );
  };
  const updatesFor = async (actor: Parameters<ReturnType<typeof listUpdates>>[0]) =>
    (
      await collectPages((page) => listUpdates(world.deps)(actor, { planId: plan.id, page }), 10)
    ).items.map((u) => u.body);

  describe("postUpdate", () => {
    it("stores the producer's update and tells every owner once", async () => {
      const update = await post("owners", "The first figs are colouring");
      expect(update).toMatchObject({
        planId: plan.id,
        visibility: "owners",
        photoKeys: ["photos/figs/1.jpg"],
      });
      const messages = await succeed(world.deps.outbox.listPending(100));
      expect(messages.map((m) => [m.kind, m.recipientId, m.body]).sort()).toEqual([
        ["update-posted", "alice", "The first figs are colouring"],
        ["update-posted", "bob", "The first figs are colouring"],
      ]);
    });

    it("returns the first update on a retry with the same key, notifying nobody twice", async () => {
      const first = await post("public", "Rain today", "key-1");
      const again = await post("public", "Rain today", "key-1");
      expect(again).toEqual(first);
      expect(await updatesFor(world.producerOf(plan))).toEqual(["Rain today"]);
      expect(await succeed(world.deps.outbox.listPending(100))).toHaveLength(2);
    });

    it("refuses anyone but the plan's producer, and an empty body", async () => {
      const asOwner = postUpdate(world.deps)(world.owner("alice"), {
        planId: plan.id,
        body: "hi",
        visibility: "public",
      });
      expect((await failWith(asOwner))._tag).toBe("AUTH.FORBIDDEN");
      const empty = postUpdate(world.deps)(world.producerOf(plan), {
        planId: plan.id,
        body: "  ",
        visibility: "public",
      });
      expect((await failWith(empty))._tag).toBe("COMMUNICATION.INVALID");
      const unknown = postUpdate(world.deps)(world.producerOf(plan), {
        planId: planId("plan_x"),
        body: "hi",
        visibility: "public",
      });
      expect((await failWith(unknown))._tag).toBe("PLAN.NOT_FOUND");
    });
  });

  describe("listUpdates", () => {
    beforeEach(async () => {
      await post("public", "one");
      await post("owners", "two");
      await post("public", "three");
    });

    it("shows owners and the producer everything, newest first", async () => {
      expect(await updatesFor(world.owner("alice"))).toEqual(["three", "two", "one"]);
      expect(await updatesFor(world.producerOf(plan))).toEqual(["three", "two", "one"]);
    });

    it("hides owners-only news from visitors, strangers and other producers", async () => {
      expect(await updatesFor(undefined)).toEqual(["three", "one"]);
      expect(await updatesFor(world.owner("mallory"))).toEqual(["three", "one"]);
      expect(await updatesFor({ id: "producer_other", role: "producer" })).toEqual([
        "three",
        "one",
      ]);
    });
  });

  describe("addComment / listComments", () => {
    it("lets owners and the producer comment, oldest first", async () => {
      const update = await post("owners", "Harvest starts Monday");
      await succeed(
        addComment(world.deps)(world.owner("alice"), { updateId: update.id, body: "Yay!" }),
      );
      world.clock.advance(1000);
      await succeed(
        addComment(world.deps)(world.producerOf(plan), { updateId: update.id, body: "See you!" }),
      );
      const { items } = await collectPages(
        (page) => listComments(world.deps)(world.owner("bob"), { updateId: update.id, page }),
        1,
      );
      expect(items.map((c) => [c.authorId, c.body])).toEqual([
        ["alice", "Yay!"],
        ["producer_fig-farm", "See you!"],
      ]);
    });

    it("refuses a comment from a non-owner on a public update", async () => {
      const update = await post("public", "Open day");
      const error = await failWith(
        addComment(world.deps)(world.owner("mallory"), { updateId: update.id, body: "hello" }),
      );
      expect(error._tag).toBe("OWNERSHIP.NOT_OWNER");
    });

    it("hides an owners-only update and its comments as if it did not exist", async () => {
      const update = await post("owners", "Secret");
      await succeed(
        addComment(world.deps)(world.owner("alice"), { updateId: update.id, body: "!" }),
      );
      expect(
        (
          await failWith(
            addComment(world.deps)(world.owner("mallory"), { updateId: update.id, body: "?" }),
          )
        )._tag,
      ).toBe("UPDATE.NOT_FOUND");
      expect(
        (await failWith(listComments(world.deps)(undefined, { updateId: update.id })))._tag,
      ).toBe("UPDATE.NOT_FOUND");
      expect(
        (await failWith(listComments(world.deps)(undefined, { updateId: updateId("upd_none") })))
          ._tag,
      ).toBe("UPDATE.NOT_FOUND");
    });

    it("refuses an empty comment", async () => {
      const update = await post("public", "Open day");
      expect(
        (
          await failWith(
            addComment(world.deps)(world.owner("alice"), { updateId: update.id, body: "" }),
          )
        )._tag,
      ).toBe("COMMUNICATION.INVALID");
    });
  });
});
