import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { commentId, ownerId, planId, producerId, updateId } from "../shared/ids.ts";
import { type Instant, instant } from "../shared/time.ts";
import {
  MAX_COMMUNICATION_BODY_CHARS,
  MAX_PHOTOS_PER_UPDATE,
  type PlanUpdate,
  type PlanViewer,
  type PostUpdateInput,
  postComment,
  postUpdate,
  type UpdateComment,
  visibleComments,
  visibleUpdates,
} from "./communication.ts";

const plan = { id: planId("plan-1"), producerId: producerId("farmer-1") };
const at = instant("2026-06-01T09:00:00.000Z");
const updateInput: PostUpdateInput = {
  id: updateId("u-1"),
  authorId: plan.producerId,
  body: "花が咲きました。The fig trees are in flower.",
  photoKeys: ["plans/plan-1/flowers.jpg"],
  visibility: "owners",
  postedAt: at,
};
const tagOf = <L extends { _tag: string }, R>(result: E.Either<L, R>) =>
  E.isLeft(result) ? result.left._tag : "ok";

const owner: PlanViewer = { id: "owner-1", isOwnerOfPlan: true, isProducerOfPlan: false };
const producer: PlanViewer = { id: "farmer-1", isOwnerOfPlan: false, isProducerOfPlan: true };
const stranger: PlanViewer = { id: "someone", isOwnerOfPlan: false, isProducerOfPlan: false };

describe("postUpdate", () => {
  it("records the producer's update on the plan", () => {
    expect(postUpdate(plan, updateInput)).toEqual(
      E.right({
        id: "u-1",
        planId: "plan-1",
        producerId: "farmer-1",
        body: updateInput.body,
        photoKeys: ["plans/plan-1/flowers.jpg"],
        visibility: "owners",
        postedAt: at,
      }),
    );
  });

  it("refuses anyone but the plan's producer with PLAN.NOT_PRODUCER", () => {
    const result = postUpdate(plan, { ...updateInput, authorId: producerId("farmer-2") });
    expect(tagOf(result)).toBe("PLAN.NOT_PRODUCER");
  });

  it.each([
    ["an empty body", { body: "" }],
    ["a blank body", { body: " \n\t " }],
    ["a body over the limit", { body: "あ".repeat(MAX_COMMUNICATION_BODY_CHARS + 1) }],
    [
      "too many photos",
      { photoKeys: Array.from({ length: MAX_PHOTOS_PER_UPDATE + 1 }, (_, i) => `p${i}`) },
    ],
    ["an empty photo key", { photoKeys: [""] }],
    ["the same photo twice", { photoKeys: ["a.jpg", "a.jpg"] }],
    ["an unknown visibility", { visibility: "friends" as never }],
    ["a malformed time", { postedAt: "yesterday" as Instant }],
  ])("rejects %s with COMMUNICATION.INVALID", (_, override) => {
    expect(tagOf(postUpdate(plan, { ...updateInput, ...override }))).toBe("COMMUNICATION.INVALID");
  });

  it("counts the limit in characters, so 5000 kanji or emoji are allowed", () => {
    expect(
      tagOf(postUpdate(plan, { ...updateInput, body: "実".repeat(MAX_COMMUNICATION_BODY_CHARS) })),
    ).toBe("ok");
    // Each emoji is two UTF-16 code units but one character.
    expect(
      tagOf(postUpdate(plan, { ...updateInput, body: "🍑".repeat(MAX_COMMUNICATION_BODY_CHARS) })),
    ).toBe("ok");
    expect(
      tagOf(
        postUpdate(plan, { ...updateInput, body: "🍑".repeat(MAX_COMMUNICATION_BODY_CHARS + 1) }),
      ),
    ).toBe("COMMUNICATION.INVALID");
  });
});

describe("postComment", () => {
  const update = { id: updateId("u-1") };
  const comment = (author: PlanViewer, body = "楽しみです!") =>
    postComment(update, {
      id: commentId("c-1"),
      author: { ...author, id: ownerId(author.id) },
      body,
      postedAt: at,
    });

  it("lets an owner comment", () => {
    expect(comment(owner)).toEqual(
      E.right({
        id: "c-1",
        updateId: "u-1",
        authorId: "owner-1",
        body: "楽しみです!",
        postedAt: at,
      }),
    );
  });

  it("lets the producer answer", () => {
    expect(tagOf(comment(producer))).toBe("ok");
  });

  it("refuses a non-owner with OWNERSHIP.NOT_OWNER", () => {
    expect(tagOf(comment(stranger))).toBe("OWNERSHIP.NOT_OWNER");
  });

  it("rejects an empty or overlong comment with COMMUNICATION.INVALID", () => {
    expect(tagOf(comment(owner, "   "))).toBe("COMMUNICATION.INVALID");
    expect(tagOf(comment(owner, "x".repeat(MAX_COMMUNICATION_BODY_CHARS + 1)))).toBe(
      "COMMUNICATION.INVALID",
    );
  });
});

describe("visibility", () => {
  const update = (id: string, visibility: PlanUpdate["visibility"]): PlanUpdate => ({
    id: updateId(id),
    planId: plan.id,
    producerId: plan.producerId,
    body: id,
    photoKeys: [],
    visibility,
    postedAt: at,
  });
  const updates = [update("a", "public"), update("b", "owners"), update("c", "public")];

  it("shows owners and the producer everything, in order", () => {
    expect(visibleUpdates(updates, owner)).toEqual(updates);
    expect(visibleUpdates(updates, producer)).toEqual(updates);
  });

  it("hides owners-only updates from other users and anonymous visitors", () => {
    expect(visibleUpdates(updates, stranger).map((u) => u.id)).toEqual(["a", "c"]);
    expect(visibleUpdates(updates, undefined).map((u) => u.id)).toEqual(["a", "c"]);
  });

  it("never shows a non-owner an owners-only update, and never hides a public one", () => {
    const viewerArb = fc.option(
      fc.record({ id: fc.string(), isOwnerOfPlan: fc.boolean(), isProducerOfPlan: fc.boolean() }),
      { nil: undefined },
    );
    const updatesArb = fc.array(
      fc.tuple(fc.string(), fc.constantFrom("public" as const, "owners" as const)),
      { maxLength: 8 },
    );
    fc.assert(
      fc.property(updatesArb, viewerArb, (specs, viewer) => {
        const all = specs.map(([id, visibility]) => update(id, visibility));
        const seen = visibleUpdates(all, viewer);
        const insider = viewer !== undefined && (viewer.isOwnerOfPlan || viewer.isProducerOfPlan);
        expect(seen).toEqual(all.filter((u) => insider || u.visibility === "public"));
      }),
      { numRuns: 1000 },
    );
  });

  it("hides the comments of an update the viewer cannot see", () => {
    const comments: UpdateComment[] = [
      {
        id: commentId("c1"),
        updateId: updateId("b"),
        authorId: ownerId("o"),
        body: "!",
        postedAt: at,
      },
      {
        id: commentId("c2"),
        updateId: updateId("a"),
        authorId: ownerId("o"),
        body: "?",
        postedAt: at,
      },
    ];
    const ownersOnly = update("b", "owners");
    expect(visibleComments(ownersOnly, comments, owner).map((c) => c.id)).toEqual(["c1"]);
    expect(visibleComments(ownersOnly, comments, stranger)).toEqual([]);
    expect(visibleComments(update("a", "public"), comments, undefined).map((c) => c.id)).toEqual([
      "c2",
    ]);
  });
});
