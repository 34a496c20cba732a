import { BATCH_NAMES } from "@owners/app";
import type { CommentId, Ownership } from "@owners/domain";
import * as TE from "fp-ts/lib/TaskEither.js";
import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import * as z from "zod/mini";
import type { UseCases } from "../composition/use-cases.ts";
import type { ApiEnv } from "../http/env.ts";
import { respond } from "../http/respond.ts";
import {
  BEARER,
  IdParam,
  Int,
  jsonResponse,
  NoQuery,
  named,
  PageOf,
  PageQuery,
  pageOf,
  problems,
  Text,
  withDoc,
} from "../http/schemas.ts";
import { requireActor } from "../http/signed-in.ts";
import { validate } from "../http/validation.ts";
import { disputeJson } from "../views/ownership.ts";
import { BatchRunReport } from "./admin.ts";
import { Comment } from "./updates.ts";

const HideBody = z.strictObject({
  reason: withDoc(Text(1, 500), { description: "Shown to the author", example: "Advertising" }),
});

const Dispute = named(
  "DisputedOwnership",
  z.object({
    id: z.string(),
    planId: z.string(),
    ownerId: z.string(),
    status: z.string(),
    shares: Int,
    totalYen: Int,
    reservedAt: z.string(),
    paymentIntentId: z.optional(z.string()),
    chargedYen: z.optional(Int),
    disputed: z.boolean(),
  }),
);

const BatchRun = named(
  "BatchRun",
  z.object({
    batch: z.string(),
    scope: withDoc(z.string(), { description: "A plan id, or all" }),
    runId: z.string(),
    status: z.enum(["running", "paused", "finished", "failed"]),
    startedAt: z.string(),
    updatedAt: z.string(),
    chunks: Int,
    counts: z.record(z.string(), z.number()),
    lastReport: z.optional(BatchRunReport),
    failure: z.optional(z.object({ code: z.string(), message: z.string() })),
  }),
);

const BatchRuns = named(
  "BatchRuns",
  z.object({
    batches: z.array(z.object({ name: z.enum(BATCH_NAMES), runs: z.array(BatchRun) })),
  }),
);

/** The admins' console: comment moderation, disputed payments, the batches' runs. */
export const consoleRoutes = ({
  communication,
  money,
  batches,
}: Pick<UseCases, "communication" | "money" | "batches">) =>
  new Hono<ApiEnv>()
    .post(
      "/admin/comments/:id/hide",
      describeRoute({
        tags: ["admin"],
        summary: "An admin hides a comment with a reason; its author is told",
        description:
          "The comment stays stored but drops out of every comment list except the admins'. The author's notification and the audit entry (comment.hidden) are written with it. 409 COMMENT.ALREADY_HIDDEN if it is hidden already.",
        security: BEARER,
        responses: {
          200: jsonResponse("The hidden comment", Comment),
          ...problems(400, 401, 403, 404, 409),
        },
      }),
      requireActor,
      validate("param", IdParam),
      validate("json", HideBody),
      (c) =>
        respond(
          c,
          communication.hideComment(c.var.actor, {
            commentId: c.req.valid("param").id as CommentId,
            reason: c.req.valid("json").reason,
          }),
        ),
    )
    .get(
      "/admin/comments",
      describeRoute({
        tags: ["admin"],
        summary: "Every comment, newest first, hidden ones included (moderation)",
        security: BEARER,
        responses: {
          200: jsonResponse("A page of comments", PageOf(Comment, "AdminCommentPage")),
          ...problems(400, 401, 403),
        },
      }),
      requireActor,
      validate("query", PageQuery),
      (c) =>
        respond(
          c,
          communication.listRecentComments(c.var.actor, { page: pageOf(c.req.valid("query")) }),
        ),
    )
    .get(
      "/admin/disputes",
      describeRoute({
        tags: ["admin"],
        summary: "Ownerships whose payment is disputed at the processor (chargebacks)",
        description:
          "Flagged by the payment webhook's dispute.opened; each as the flagging amendment wrote it, in ownership id order.",
        security: BEARER,
        responses: {
          200: jsonResponse("A page of disputed ownerships", PageOf(Dispute, "DisputePage")),
          ...problems(400, 401, 403),
        },
      }),
      requireActor,
      validate("query", PageQuery),
      (c) =>
        respond(
          c,
          TE.map((page: { items: readonly Ownership[]; nextCursor?: string }) => ({
            items: page.items.map(disputeJson),
            ...(page.nextCursor === undefined ? {} : { nextCursor: page.nextCursor }),
          }))(money.disputes(c.var.actor, { page: pageOf(c.req.valid("query")) })),
        ),
    )
    .get(
      "/admin/batch-runs",
      describeRoute({
        tags: ["admin"],
        summary: "Every batch with its recent runs: progress, last report, failure",
        description:
          "Five runs a batch, the latest started first; a running run's chunks and counts are as of its last finished chunk.",
        security: BEARER,
        responses: {
          200: jsonResponse("The batches", BatchRuns),
          ...problems(400, 401, 403),
        },
      }),
      requireActor,
      validate("query", NoQuery),
      (c) => respond(c, TE.map((list) => ({ batches: list }))(batches.runs(c.var.actor))),
    );
