import { createRoute, z } from "@hono/zod-openapi";
import type { PlanId } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { ApiApp } from "../app.ts";
import type { UseCases } from "../composition/use-cases.ts";
import { readerOf, signedIn } from "../http/handle.ts";
import { respond } from "../http/respond.ts";
import { addRoute } from "../http/route.ts";
import {
  BEARER,
  IdParam,
  jsonBody,
  jsonResponse,
  LocalDate,
  OptionalIdempotencyHeader,
  PageOf,
  PageQuery,
  pageOf,
  problems,
} from "../http/schemas.ts";

const HarvestBody = z
  .object({
    quantity: z.number().int().min(1).max(1_000_000_000),
    grade: z.enum(["standard", "offspec"]),
    readyOn: LocalDate,
    bestBefore: LocalDate,
  })
  .strict()
  .openapi("HarvestLotRequest");

const HarvestLot = z
  .object({
    id: z.string(),
    planId: z.string(),
    quantity: z.number().int(),
    grade: z.enum(["standard", "offspec"]),
    readyOn: z.string(),
    bestBefore: z.string(),
    recordedAt: z.string(),
  })
  .openapi("HarvestLot");

const recordRoute = createRoute({
  method: "post",
  path: "/plans/{id}/harvests",
  tags: ["harvest"],
  summary:
    "Its producer records a harvest lot (after sales close); a retry with the same key lands on the same lot",
  security: BEARER,
  request: { params: IdParam, headers: OptionalIdempotencyHeader, body: jsonBody(HarvestBody) },
  responses: { 201: jsonResponse("The lot", HarvestLot), ...problems(400, 401, 403, 404, 409) },
});

const listRoute = createRoute({
  method: "get",
  path: "/plans/{id}/harvests",
  tags: ["harvest"],
  summary: "A plan's recorded harvest lots in lot order, each marked allocated or not",
  request: { params: IdParam, query: z.object({}).strict() },
  responses: {
    200: jsonResponse(
      "The lots",
      z.object({
        items: z.array(
          HarvestLot.extend({ allocated: z.boolean() }).openapi("HarvestLotWithStatus"),
        ),
      }),
    ),
    ...problems(400, 404),
  },
});

const Allocation = z
  .object({
    ownershipId: z.string(),
    ownerId: z.string(),
    shares: z.number().int(),
    entitledUnits: z.number().int(),
    allocatedUnits: z.number().int(),
    standardUnits: z.number().int(),
    offspecUnits: z.number().int(),
    missingUnits: z.number().int(),
    refundYen: z.number().int(),
    creditYen: z.number().int(),
    compensation: z
      .object({ kind: z.enum(["refund", "credit", "none"]), amountYen: z.number().int() })
      .openapi("Compensation"),
    lots: z.array(
      z
        .object({
          lotId: z.string(),
          grade: z.enum(["standard", "offspec"]),
          units: z.number().int(),
        })
        .openapi("AllocatedLot"),
    ),
    statement: z.array(z.string()),
  })
  .openapi("OwnershipAllocation");

const allocationsRoute = createRoute({
  method: "get",
  path: "/plans/{id}/allocations",
  tags: ["harvest"],
  summary: "A plan's allocation per ownership: its producer sees all, an owner only its own",
  security: BEARER,
  request: { params: IdParam, query: PageQuery.strict() },
  responses: {
    200: jsonResponse("A page of allocations", PageOf(Allocation, "AllocationPage")),
    ...problems(400, 401, 403, 404),
  },
});

export const registerHarvestRoutes = (app: ApiApp, { harvest }: UseCases): void => {
  addRoute(app, recordRoute, (c) => {
    const key = c.req.valid("header")["idempotency-key"];
    return signedIn(
      c,
      (actor) =>
        harvest.recordHarvestLot(actor, {
          planId: c.req.valid("param").id as PlanId,
          ...c.req.valid("json"),
          ...(key !== undefined ? { idempotencyKey: key } : {}),
        }),
      201,
    );
  });

  addRoute(app, listRoute, (c) =>
    respond(
      c,
      pipe(
        harvest.listHarvestLots(readerOf(c), { planId: c.req.valid("param").id }),
        TE.map((items) => ({ items })),
      ),
    ),
  );

  addRoute(app, allocationsRoute, (c) =>
    signedIn(c, (actor) =>
      harvest.getAllocations(actor, {
        planId: c.req.valid("param").id as PlanId,
        page: pageOf(c.req.valid("query")),
      }),
    ),
  );
};
