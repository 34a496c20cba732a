import type { LocalDate, LotId, PlanId } from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import { Hono } from "hono";
import { describeRoute, resolver } from "hono-openapi";
import * as z from "zod/mini";
import type { UseCases } from "../composition/use-cases.ts";
import type { ApiEnv } from "../http/env.ts";
import { problemFor, respond } from "../http/respond.ts";
import {
  BEARER,
  Id,
  IdParam,
  Int,
  jsonResponse,
  LocalDate as LocalDateSchema,
  named,
  PageOf,
  pageOf,
  pageQueryShape,
  problems,
} from "../http/schemas.ts";
import { requireActor } from "../http/signed-in.ts";
import { validate } from "../http/validation.ts";

const Shipment = named(
  "Shipment",
  z.object({
    id: z.string(),
    planId: z.string(),
    lotId: z.string(),
    ownershipId: z.string(),
    ownerId: z.string(),
    region: z.string(),
    address: z.optional(z.record(z.string(), z.string())),
    units: Int,
    parcels: z.array(z.looseObject({ shipOn: z.string(), boxes: Int })),
    unshipped: z.optional(z.object({ units: Int, reason: z.string() })),
    scheduledAt: z.string(),
  }),
);

const ShipmentsQuery = z.strictObject({
  ...pageQueryShape,
  infeasibleOnly: z.optional(z.enum(["true", "false"])),
});

const CsvQuery = z.strictObject({ shipOn: z.optional(LocalDateSchema), lotId: z.optional(Id) });

/** Shipments of a plan and the producer's label file. */
export const shippingRoutes = ({ shipments }: UseCases) =>
  new Hono<ApiEnv>()
    .get(
      "/plans/:id/shipments",
      describeRoute({
        tags: ["shipments"],
        summary:
          "A plan's shipments: its producer sees all (or the infeasible report), an owner its own",
        security: BEARER,
        responses: {
          200: jsonResponse("A page of shipments", PageOf(Shipment, "ShipmentPage")),
          ...problems(400, 401, 403, 404),
        },
      }),
      requireActor,
      validate("param", IdParam),
      validate("query", ShipmentsQuery),
      (c) => {
        const { infeasibleOnly, ...page } = c.req.valid("query");
        return respond(
          c,
          shipments.listShipments(c.var.actor, {
            planId: c.req.valid("param").id as PlanId,
            page: pageOf(page),
            infeasibleOnly: infeasibleOnly === "true",
          }),
        );
      },
    )
    .get(
      "/plans/:id/shipments.csv",
      describeRoute({
        tags: ["shipments"],
        summary: "Its producer's shipping-label file (optionally one day's or one lot's parcels)",
        security: BEARER,
        responses: {
          200: {
            description: "CSV, one row per parcel",
            content: { "text/csv": { schema: resolver(z.string()) } },
          },
          // 409: the plan was cancelled (nothing ships).
          ...problems(400, 401, 403, 404, 409),
        },
      }),
      requireActor,
      validate("param", IdParam),
      validate("query", CsvQuery),
      async (c) => {
        const { shipOn, lotId } = c.req.valid("query");
        const result = await shipments.shipmentsCsv(c.var.actor, {
          planId: c.req.valid("param").id as PlanId,
          ...(shipOn !== undefined ? { shipOn: shipOn as LocalDate } : {}),
          ...(lotId !== undefined ? { lotId: lotId as LotId } : {}),
        })();
        if (E.isLeft(result)) return problemFor(c, result.left);
        return c.body(result.right.body, 200, {
          "content-type": result.right.contentType,
          "content-disposition": `attachment; filename="${result.right.filename}"`,
        });
      },
    );
