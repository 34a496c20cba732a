import type { LocalDate, LotId, PlanId } from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import * as z from "zod/mini";
import type { ApiApp } from "../app.ts";
import type { UseCases } from "../composition/use-cases.ts";
import { problemFor, signedIn } from "../http/handle.ts";
import { actorOf } from "../http/respond.ts";
import { addRoute, createRoute } from "../http/route.ts";
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

const listRoute = createRoute({
  method: "get",
  path: "/plans/{id}/shipments",
  tags: ["shipments"],
  summary: "A plan's shipments: its producer sees all (or the infeasible report), an owner its own",
  security: BEARER,
  request: {
    params: IdParam,
    query: z.strictObject({
      ...pageQueryShape,
      infeasibleOnly: z.optional(z.enum(["true", "false"])),
    }),
  },
  responses: {
    200: jsonResponse("A page of shipments", PageOf(Shipment, "ShipmentPage")),
    ...problems(400, 401, 403, 404),
  },
});

const csvRoute = createRoute({
  method: "get",
  path: "/plans/{id}/shipments.csv",
  tags: ["shipments"],
  summary: "Its producer's shipping-label file (optionally one day's or one lot's parcels)",
  security: BEARER,
  request: {
    params: IdParam,
    query: z.strictObject({ shipOn: z.optional(LocalDateSchema), lotId: z.optional(Id) }),
  },
  responses: {
    200: {
      description: "CSV, one row per parcel",
      content: { "text/csv": { schema: z.string() } },
    },
    // 409: the plan was cancelled (nothing ships).
    ...problems(400, 401, 403, 404, 409),
  },
});

export const registerShipmentRoutes = (app: ApiApp, { shipments }: UseCases): void => {
  addRoute(app, listRoute, (c) => {
    const { infeasibleOnly, ...page } = c.req.valid("query");
    return signedIn(c, (actor) =>
      shipments.listShipments(actor, {
        planId: c.req.valid("param").id as PlanId,
        page: pageOf(page),
        infeasibleOnly: infeasibleOnly === "true",
      }),
    );
  });

  addRoute(app, csvRoute, async (c) => {
    const actor = actorOf(c);
    if (E.isLeft(actor)) return actor.left;
    const { shipOn, lotId } = c.req.valid("query");
    const result = await shipments.shipmentsCsv(actor.right, {
      planId: c.req.valid("param").id as PlanId,
      ...(shipOn !== undefined ? { shipOn: shipOn as LocalDate } : {}),
      ...(lotId !== undefined ? { lotId: lotId as LotId } : {}),
    })();
    if (E.isLeft(result)) return problemFor(c, result.left);
    return c.body(result.right.body, 200, {
      "content-type": result.right.contentType,
      "content-disposition": `attachment; filename="${result.right.filename}"`,
    });
  });
};
