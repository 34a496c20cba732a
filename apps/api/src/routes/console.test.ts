import { MEMORY_WEBHOOK_SIGNATURE } from "@owners/adapter-memory";
import { type OwnershipId, ownershipId } from "@owners/domain";
import { describe, expect, it } from "vitest";
import { expectProblem } from "../testing/expect-problem.ts";
import { type Harness, makeHarness, openPlan, reserve } from "../testing/harness.ts";

const ADMIN: [string, "admin"] = ["root", "admin"];
const PRODUCER: [string, "producer"] = ["producer-a", "producer"];

/** A plan with a public update, o1 paid for a share, and o1's and the producer's comments. */
const withComments = async () => {
  const h = makeHarness();
  const planId = await openPlan(h);
  const reserved = await reserve(h, planId, "o1", 1);
  if (reserved.body.status === "pending_payment")
    await h.call("POST", `/dev/payments/${reserved.body.payment.id}/complete`, {
      body: { outcome: "succeeded" },
      as: ["o1", "owner"],
    });
  const update = (
    await h.call("POST", `/plans/${planId}/updates`, {
      body: { body: "花が咲きました", visibility: "public" },
      as: PRODUCER,
    })
  ).body;
  const comment = async (body: string, as: [string, "owner" | "producer"]) => {
    h.clock.advance(1000);
    const posted = await h.call("POST", `/updates/${update.id}/comments`, { body: { body }, as });
    expect(posted.status).toBe(201);
    return posted.body;
  };
  const spam = await comment("激安時計はこちら spam.example", ["o1", "owner"]);
  const reply = await comment("ありがとうございます", PRODUCER);
  const list = async (as?: [string, "owner" | "producer" | "admin"]) =>
    (
      await h.call("GET", `/updates/${update.id}/comments`, as === undefined ? {} : { as })
    ).body.items.map((c: { body: string }) => c.body);
  return { h, planId, ownershipId: reserved.body.id as string, spam, reply, list };
};

describe("POST /admin/comments/{id}/hide", () => {
  it("hides the comment from everyone but admins and tells its author", async () => {
    const { h, spam, list } = await withComments();
    const hidden = await h.call("POST", `/admin/comments/${spam.id}/hide`, {
      body: { reason: "Advertising" },
      as: ADMIN,
    });
    expect(hidden.status).toBe(200);
    expect(hidden.body).toMatchObject({
      id: spam.id,
      hidden: { reason: "Advertising", by: "root" },
    });
    expect(await list()).toEqual(["ありがとうございます"]);
    expect(await list(["o1", "owner"])).toEqual(["ありがとうございます"]);
    expect(await list(PRODUCER)).toEqual(["ありがとうございます"]);
    expect(await list(ADMIN)).toEqual(["激安時計はこちら spam.example", "ありがとうございます"]);
    const pending = await h.ports.outbox.listPending(100)();
    if (pending._tag === "Left") throw new Error("outbox");
    expect(
      pending.right.filter((m) => m.kind === "comment-hidden").map((m) => m.recipientId),
    ).toEqual(["o1"]);
    // Admins find the moderation in the audit search by its subject, a comment.
    const audit = await h.call("GET", `/admin/audit?subjectType=comment&subjectId=${spam.id}`, {
      as: ADMIN,
    });
    expect(audit.status).toBe(200);
    expect(audit.body.entries.map((e: { action: string }) => e.action)).toEqual(["comment.hidden"]);
  });

  it("answers problem+json: no reason 400, unknown 404, hidden already 409", async () => {
    const { h, spam } = await withComments();
    const path = `/admin/comments/${spam.id}/hide`;
    const blank = await h.call("POST", path, { body: { reason: "" }, as: ADMIN });
    expectProblem(blank, 400, "VALIDATION.INVALID");
    expect(JSON.stringify(blank.body)).toContain("reason");
    expectProblem(await h.call("POST", path, { body: {}, as: ADMIN }), 400, "VALIDATION.INVALID");
    expectProblem(
      await h.call("POST", path, { body: { reason: "   " }, as: ADMIN }),
      400,
      "COMMUNICATION.INVALID",
    );
    expectProblem(
      await h.call("POST", "/admin/comments/cmt_nope/hide", { body: { reason: "x" }, as: ADMIN }),
      404,
      "COMMENT.NOT_FOUND",
    );
    expect((await h.call("POST", path, { body: { reason: "spam" }, as: ADMIN })).status).toBe(200);
    expectProblem(
      await h.call("POST", path, { body: { reason: "spam" }, as: ADMIN }),
      409,
      "COMMENT.ALREADY_HIDDEN",
    );
    expectProblem(
      await h.call("POST", path, { body: { reason: "x" }, as: ["o1", "owner"] }),
      403,
      "AUTH.FORBIDDEN",
    );
  });
});

describe("GET /admin/comments", () => {
  it("pages every comment newest first, hidden ones marked", async () => {
    const { h, spam } = await withComments();
    await h.call("POST", `/admin/comments/${spam.id}/hide`, { body: { reason: "Ad" }, as: ADMIN });
    const first = await h.call("GET", "/admin/comments?limit=1", { as: ADMIN });
    expect(first.body.items.map((c: { body: string }) => c.body)).toEqual(["ありがとうございます"]);
    const next = await h.call(
      "GET",
      `/admin/comments?limit=1&cursor=${encodeURIComponent(first.body.nextCursor)}`,
      { as: ADMIN },
    );
    expect(next.body.items).toEqual([
      expect.objectContaining({ id: spam.id, hidden: expect.objectContaining({ reason: "Ad" }) }),
    ]);
    expectProblem(
      await h.call("GET", "/admin/comments?limit=0", { as: ADMIN }),
      400,
      "VALIDATION.INVALID",
    );
  });
});

describe("GET /admin/disputes", () => {
  it("lists the ownerships the dispute webhook flagged", async () => {
    const { h, ownershipId: id } = await withComments();
    expect((await h.call("GET", "/admin/disputes", { as: ADMIN })).body).toEqual({ items: [] });
    const stored = await h.ports.ownerships.get(ownershipId(id) as OwnershipId)();
    if (stored._tag === "Left" || stored.right._tag === "None") throw new Error("ownership");
    const paymentIntentId = stored.right.value.payment?.paymentIntentId as string;
    const webhook = await h.call("POST", "/webhooks/payments", {
      body: {
        eventId: "evt_dispute_1",
        createdAt: h.clock.now(),
        kind: "dispute.opened",
        disputeId: "dp_1",
        paymentIntentId,
        amountYen: 6800,
        reason: "fraudulent",
      },
      headers: { "stripe-signature": MEMORY_WEBHOOK_SIGNATURE },
    });
    expect(webhook.status).toBe(200);
    const disputes = await h.call("GET", "/admin/disputes", { as: ADMIN });
    expect(disputes.body.items).toEqual([
      expect.objectContaining({
        id,
        ownerId: "o1",
        status: "active",
        disputed: true,
        paymentIntentId,
        chargedYen: 6800,
      }),
    ]);
  });
});

describe("GET /admin/batch-runs", () => {
  it("shows each batch's runs with their progress and last report", async () => {
    const h: Harness = makeHarness();
    const before = await h.call("GET", "/admin/batch-runs", { as: ADMIN });
    expect(before.status).toBe(200);
    expect(before.body.batches.map((b: { name: string }) => b.name)).toContain("close-sales");
    expect(before.body.batches.every((b: { runs: unknown[] }) => b.runs.length === 0)).toBe(true);
    const report = (await h.call("POST", "/admin/batches/close-sales", { as: ADMIN })).body;
    const after = await h.call("GET", "/admin/batch-runs", { as: ADMIN });
    const closeSales = after.body.batches.find((b: { name: string }) => b.name === "close-sales");
    expect(closeSales.runs).toEqual([
      expect.objectContaining({
        runId: report.runId,
        status: "finished",
        lastReport: expect.objectContaining({ outcome: "finished", runId: report.runId }),
      }),
    ]);
    expectProblem(
      await h.call("GET", "/admin/batch-runs?x=1", { as: ADMIN }),
      400,
      "VALIDATION.INVALID",
    );
  });
});
