import { BATCH_NAMES } from "@owners/app";
import { Hono } from "hono";
import { describeRoute, resolver } from "hono-openapi";
import * as z from "zod/mini";
import type { UseCases } from "../composition/use-cases.ts";
import type { ApiEnv } from "../http/env.ts";
import { respond } from "../http/respond.ts";
import { BEARER, Id, Int, jsonResponse, named, problems, withDoc } from "../http/schemas.ts";
import { requireActor } from "../http/signed-in.ts";
import { validate } from "../http/validation.ts";

/**
 * An API request has seconds, not a Lambda's 15 minutes (API Gateway gives up after 30 s): a run
 * pauses at a chunk boundary once this budget is spent, its checkpoint saved, and the next call
 * (or the scheduler) resumes it.
 */
export const ADMIN_BATCH_BUDGET_MS = 20_000;
const ADMIN_BATCH_SAFETY_MARGIN_MS = 2_000;

export const BatchRunReport = named(
  "BatchRunReport",
  z.object({
    batch: z.enum(BATCH_NAMES),
    scope: withDoc(z.string(), { description: "A plan id, or all" }),
    runId: z.string(),
    outcome: z.enum(["finished", "paused"]),
    resumed: z.boolean(),
    chunksThisInvocation: Int,
    chunks: Int,
    counts: z.record(z.string(), z.number()),
    problems: z.array(z.object({ item: z.string(), code: z.string(), message: z.string() })),
    startedAt: z.string(),
    updatedAt: z.string(),
  }),
);

const BatchName = z.object({
  name: withDoc(z.string().check(z.regex(/^[a-z-]{1,40}$/)), { example: "allocate-harvests" }),
});

const RunOptions = z.strictObject({
  /** allocate-harvests, schedule-shipments and refund-cancelled-plans: this plan only. */
  planId: z.optional(Id),
  chunkSize: z.optional(z.int().check(z.gte(1), z.lte(10_000))),
});

/** What admins run by hand. */
export const adminRoutes = ({ batches }: Pick<UseCases, "batches">) =>
  new Hono<ApiEnv>().post(
    "/admin/batches/:name",
    describeRoute({
      tags: ["admin"],
      summary: `An admin runs a batch now (${BATCH_NAMES.join(", ")}) and gets its report`,
      description:
        "The same batch the scheduler runs, under the same lease and checkpoint: a run already in progress elsewhere answers 409 BATCH.LEASE_HELD; a run out of time answers with outcome paused.",
      security: BEARER,
      // The body may be left out: the validator documents its schema, this says it is optional.
      requestBody: {
        required: false,
        content: { "application/json": { schema: resolver(RunOptions) } },
      },
      responses: {
        200: jsonResponse("The run's report", BatchRunReport),
        ...problems(400, 401, 403, 404, 409, 503),
      },
    }),
    requireActor,
    validate("param", BatchName),
    validate("json", RunOptions),
    (c) => {
      // The body is optional: without one (or without a JSON type) the batch runs with defaults.
      const body = c.req.header("content-type") === undefined ? {} : (c.req.valid("json") ?? {});
      const deadline = Date.now() + ADMIN_BATCH_BUDGET_MS;
      return respond(
        c,
        batches.run(c.req.valid("param").name, body, {
          // No owner: the runner makes a fresh one. A client picks its request id, and two runs
          // sharing an owner would share (and release) one lease.
          actor: c.var.actor,
          remainingTimeMs: () => deadline - Date.now(),
          safetyMarginMs: ADMIN_BATCH_SAFETY_MARGIN_MS,
        }),
      );
    },
  );
