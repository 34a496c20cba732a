import type { PlanId } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import * as z from "zod/mini";
import type { UseCases } from "../composition/use-cases.ts";
import type { ApiEnv } from "../http/env.ts";
import { readerOf } from "../http/reader.ts";
import { respond } from "../http/respond.ts";
import {
  BEARER,
  IdParam,
  Int,
  jsonResponse,
  LocalDate,
  named,
  OptionalIdempotencyHeader,
  PageOf,
  PageQuery,
  pageOf,
  problems,
  withDoc,
} from "../http/schemas.ts";
import { requireActor } from "../http/signed-in.ts";
import { validate } from "../http/validation.ts";
import { withOwnerNames } from "../views/names.ts";

const HarvestBody = named(
  "HarvestLotRequest",
  z.strictObject({
    quantity: z.int().check(z.gte(1), z.lte(1_000_000_000)),
    grade: z.enum(["standard", "offspec"]),
    readyOn: LocalDate,
    bestBefore: LocalDate,
  }),
);

const HarvestLot = named(
  "HarvestLot",
  z.object({
    id: z.string(),
    planId: z.string(),
    quantity: Int,
    grade: z.enum(["standard", "offspec"]),
    readyOn: z.string(),
    bestBefore: z.string(),
    recordedAt: z.string(),
  }),
);

const Allocation = named(
  "OwnershipAllocation",
  z.object({
    ownershipId: z.string(),
    ownerId: z.string(),
    ownerName: withDoc(z.nullable(z.string()), {
      description: "The owner's display name: for the plan's own producer only (null otherwise)",
    }),
    shares: Int,
    entitledUnits: Int,
    allocatedUnits: Int,
    standardUnits: Int,
    offspecUnits: Int,
    missingUnits: Int,
    settled: withDoc(z.boolean(), {
      description:
        "false until the harvest is complete: the shortfall is settled once, from the final allocation",
    }),
    refundYen: Int,
    creditYen: Int,
    compensation: named(
      "Compensation",
      z.object({ kind: z.enum(["refund", "credit", "none"]), amountYen: Int }),
    ),
    lots: z.array(
      named(
        "AllocatedLot",
        z.object({
          lotId: z.string(),
          grade: z.enum(["standard", "offspec"]),
          units: Int,
        }),
      ),
    ),
    statement: withDoc(z.array(z.string()), {
      description:
        "The owner's statement in the reader's language (Accept-Language), headline first",
    }),
  }),
);

const HarvestCompletion = named(
  "HarvestCompletion",
  z.object({
    planId: z.string(),
    harvestCompletedAt: z.string(),
    settled: withDoc(z.boolean(), {
      description:
        "false while a refund the processor declined, or has not confirmed yet, is still owed (retried by the batch or reconciliation)",
    }),
    compensationsWritten: Int,
    refundsPaid: Int,
    refundYenPaid: Int,
    refundFailures: Int,
  }),
);

/** Harvest lots and their allocation among owners. */
export const harvestRoutes = ({ harvest, people }: Pick<UseCases, "harvest" | "people">) =>
  new Hono<ApiEnv>()
    .post(
      "/plans/:id/harvests",
      describeRoute({
        tags: ["harvest"],
        summary:
          "Its producer records a harvest lot (after sales close); a retry with the same key lands on the same lot",
        security: BEARER,
        responses: {
          201: jsonResponse("The lot", HarvestLot),
          ...problems(400, 401, 403, 404, 409),
        },
      }),
      requireActor,
      validate("param", IdParam),
      validate("header", OptionalIdempotencyHeader),
      validate("json", HarvestBody),
      (c) => {
        const key = c.req.valid("header")["idempotency-key"];
        return respond(
          c,
          harvest.recordHarvestLot(c.var.actor, {
            planId: c.req.valid("param").id as PlanId,
            ...c.req.valid("json"),
            ...(key !== undefined ? { idempotencyKey: key } : {}),
          }),
          201,
        );
      },
    )
    .get(
      "/plans/:id/harvests",
      describeRoute({
        tags: ["harvest"],
        summary: "A plan's recorded harvest lots in lot order, each marked allocated or not",
        responses: {
          200: jsonResponse(
            "The lots",
            z.object({
              items: z.array(
                named("HarvestLotWithStatus", z.extend(HarvestLot, { allocated: z.boolean() })),
              ),
            }),
          ),
          ...problems(400, 404),
        },
      }),
      validate("param", IdParam),
      validate("query", z.strictObject({})),
      (c) =>
        respond(
          c,
          pipe(
            harvest.listHarvestLots(readerOf(c), { planId: c.req.valid("param").id }),
            TE.map((items) => ({ items })),
          ),
        ),
    )
    .post(
      "/plans/:id/harvest-complete",
      describeRoute({
        tags: ["harvest"],
        summary:
          "Its producer (or an admin) declares the harvest complete: no lot after it, and the shortfall is settled once from the final allocation; a repeat changes nothing",
        security: BEARER,
        responses: {
          200: jsonResponse("The settlement", HarvestCompletion),
          ...problems(400, 401, 403, 404, 409),
        },
      }),
      requireActor,
      validate("param", IdParam),
      (c) =>
        respond(
          c,
          harvest.completeHarvest(c.var.actor, { planId: c.req.valid("param").id as PlanId }),
        ),
    )
    .get(
      "/plans/:id/allocations",
      describeRoute({
        tags: ["harvest"],
        summary: "A plan's allocation per ownership: its producer sees all, an owner only its own",
        security: BEARER,
        responses: {
          200: jsonResponse("A page of allocations", PageOf(Allocation, "AllocationPage")),
          ...problems(400, 401, 403, 404),
        },
      }),
      requireActor,
      validate("param", IdParam),
      validate("query", PageQuery),
      (c) =>
        respond(
          c,
          pipe(
            harvest.getAllocations(c.var.actor, {
              planId: c.req.valid("param").id as PlanId,
              page: pageOf(c.req.valid("query")),
              language: c.var.language,
            }),
            TE.chain(withOwnerNames(people, c.var.actor, c.req.valid("param").id)),
          ),
        ),
    );
