import { planLogisticsView } from "@owners/app";
import type { LocalDate, LotId, ParcelId, PlanId } from "@owners/domain";
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
  NoQuery,
  named,
  PageOf,
  pageOf,
  pageQueryShape,
  problems,
  Text,
  withDoc,
} from "../http/schemas.ts";
import { requireActor } from "../http/signed-in.ts";
import { validate } from "../http/validation.ts";
import { Address } from "./me.ts";

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

const CsvQuery = z.strictObject({
  shipOn: z.optional(LocalDateSchema),
  lotId: z.optional(Id),
  // The carrier's import layout: Yamato's B2クラウド, or the generic columns (the default).
  format: z.optional(z.enum(["generic", "b2"])),
});

// Lane logistics: the plan's logistics and each ownership's delivery.
const Temperature = withDoc(z.enum(["ambient", "chilled", "frozen"]), {
  description: "常温 (ambient), 冷蔵 (chilled), 冷凍 (frozen)",
});
const Slot = withDoc(z.enum(["am", "14-16", "16-18", "18-20", "19-21"]), {
  description: "時間帯指定: 午前中, 14–16, 16–18, 18–20, 19–21",
});
const TransitDays = z.record(z.string(), Int);

const YamatoSender = z.strictObject({
  name: z.string(),
  phone: z.string(),
  postalCode: z.string(),
  address: z.string(),
  billingCustomerCode: z.string(),
  freightManagementNumber: z.string(),
});

const LogisticsBody = z.strictObject({
  shipFromPrefecture: withDoc(z.string(), { example: "長野県" }),
  boxesPerDay: Int,
  transitDays: z.optional(TransitDays),
  temperature: Temperature,
  surchargeYenPerBox: z.optional(Int),
  slotsAllowed: z.boolean(),
  sender: z.optional(YamatoSender),
  expectedVersion: z.optional(z.int().check(z.gte(0), z.lte(1_000_000_000))),
});

const LogisticsFields = {
  shipFromPrefecture: z.string(),
  transitDays: TransitDays,
  temperature: Temperature,
  surchargeYenPerBox: Int,
  slotsAllowed: z.boolean(),
};

const PlanLogistics = named(
  "PlanLogistics",
  z.object({
    logistics: z.object({ ...LogisticsFields, sender: z.optional(YamatoSender) }),
    boxesPerDay: Int,
    custom: z.boolean(),
    planVersion: Int,
  }),
);

const DeliveryChoice = named(
  "DeliveryChoice",
  z.object({
    kind: z.enum(["default", "saved", "gift"]),
    addressId: z.optional(z.string()),
    address: z.optional(Address),
    region: z.optional(z.string()),
    message: z.optional(z.string()),
    slot: z.optional(Slot),
  }),
);

const OwnershipDelivery = named(
  "OwnershipDelivery",
  z.object({
    ownershipId: z.string(),
    planId: z.string(),
    choice: z.optional(DeliveryChoice),
    logistics: z.object(LogisticsFields),
    profileVersion: Int,
  }),
);

const DeliveryBody = z.strictObject({
  destination: z.union([
    z.strictObject({ kind: z.literal("default") }),
    z.strictObject({ kind: z.literal("saved"), addressId: Id }),
    z.strictObject({
      kind: z.literal("gift"),
      address: Address,
      region: withDoc(Text(1, 40), { example: "kanto" }),
      message: z.optional(z.string().check(z.maxLength(200))),
    }),
  ]),
  slot: z.optional(Slot),
  expectedVersion: z.optional(z.int().check(z.gte(0), z.lte(1_000_000_000))),
});

// Lane "parcels": parcels to the door.
const Parcel = named(
  "Parcel",
  z.object({
    id: z.string(),
    planId: z.string(),
    producerId: z.string(),
    ownerId: z.string(),
    shipmentId: z.string(),
    lotId: z.string(),
    shipOn: z.string(),
    arriveBy: z.string(),
    boxes: Int,
    progress: z.object({
      state: z.enum(["scheduled", "shipped", "delivered"]),
      carrier: z.optional(z.enum(["yamato", "sagawa", "japanpost", "other"])),
      trackingNumber: z.optional(z.string()),
      shippedAt: z.optional(z.string()),
      deliveredAt: z.optional(z.string()),
      confirmedBy: z.optional(z.enum(["owner", "auto"])),
    }),
    /** The carrier's public tracking page; none for "other". */
    trackingUrl: z.optional(z.string()),
  }),
);

const ParcelCounts = z.object({ total: Int, shipped: Int, delivered: Int });

const ParcelList = named(
  "ParcelList",
  z.object({
    items: z.array(Parcel),
    nextCursor: z.optional(z.string()),
    counts: ParcelCounts,
    planStatus: z.string(),
  }),
);

const ParcelParam = z.object({ id: Id, parcelId: Id });

const ShipmentBody = z.strictObject({
  carrier: z.enum(["yamato", "sagawa", "japanpost", "other"]),
  trackingNumber: z.string().check(z.minLength(1), z.maxLength(60)),
});

const ParcelMoved = named(
  "ParcelMoved",
  z.object({
    parcel: Parcel,
    outcome: z.optional(z.enum(["shipped", "corrected", "unchanged"])),
    planStatus: z.string(),
  }),
);

/** The carrier's file, base64 (B2クラウド writes Shift_JIS; the API body is JSON). */
const TrackingFileBody = z.strictObject({
  fileBase64: z.string().check(z.minLength(1), z.regex(/^[A-Za-z0-9+/=\s]+$/, "must be base64")),
});

const TrackingImportReport = named(
  "TrackingImportReport",
  z.object({
    format: z.enum(["b2-issued", "generic"]),
    rows: z.array(
      z.object({
        row: Int,
        parcelId: z.optional(z.string()),
        outcome: z.enum(["shipped", "corrected", "unchanged", "refused"]),
        trackingNumber: z.optional(z.string()),
        code: z.optional(z.string()),
        message: z.optional(z.string()),
      }),
    ),
    shipped: Int,
    corrected: Int,
    unchanged: Int,
    refused: Int,
    planStatus: z.string(),
  }),
);

/** Shipments of a plan and the producer's label file. */
export const shippingRoutes = ({ shipments }: Pick<UseCases, "shipments">) =>
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
        const { shipOn, lotId, format } = c.req.valid("query");
        const result = await shipments.shipmentsCsv(c.var.actor, {
          planId: c.req.valid("param").id as PlanId,
          ...(shipOn !== undefined ? { shipOn: shipOn as LocalDate } : {}),
          ...(lotId !== undefined ? { lotId: lotId as LotId } : {}),
          ...(format !== undefined ? { format } : {}),
        })();
        if (E.isLeft(result)) return problemFor(c, result.left);
        const headers = {
          "content-type": result.right.contentType,
          "content-disposition": `attachment; filename="${result.right.filename}"`,
          // Fields the carrier would refuse at import (B2): the producer fixes them first.
          "x-label-problems": String(result.right.problems?.length ?? 0),
        };
        // B2's file is Shift_JIS bytes; the generic file is text.
        const body = result.right.body;
        return typeof body === "string" ? c.body(body, 200, headers) : c.body(body, 200, headers);
      },
    )
    .get(
      "/plans/:id/parcels",
      describeRoute({
        tags: ["shipments"],
        summary:
          "A plan's parcels with tracking links and counts: its producer sees all, an owner its own",
        security: BEARER,
        responses: {
          200: jsonResponse("A page of parcels", ParcelList),
          ...problems(400, 401, 403, 404),
        },
      }),
      requireActor,
      validate("param", IdParam),
      validate("query", z.strictObject(pageQueryShape)),
      (c) =>
        respond(
          c,
          shipments.listParcels(c.var.actor, {
            planId: c.req.valid("param").id as PlanId,
            page: pageOf(c.req.valid("query")),
          }),
        ),
    )
    .put(
      "/plans/:id/parcels/:parcelId/shipment",
      describeRoute({
        tags: ["shipments"],
        summary:
          "Its producer marks a parcel shipped with carrier and tracking number (repeatable; another number corrects it)",
        security: BEARER,
        responses: {
          200: jsonResponse("The parcel, and the plan's status after it", ParcelMoved),
          // 409: delivered already, or the plan is not allocated/shipped.
          ...problems(400, 401, 403, 404, 409),
        },
      }),
      requireActor,
      validate("param", ParcelParam),
      validate("json", ShipmentBody),
      (c) => {
        const { id, parcelId } = c.req.valid("param");
        return respond(
          c,
          shipments.markParcelShipped(c.var.actor, {
            planId: id as PlanId,
            parcelId: parcelId as ParcelId,
            ...c.req.valid("json"),
          }),
        );
      },
    )
    .post(
      "/plans/:id/parcels/tracking-file",
      describeRoute({
        tags: ["shipments"],
        summary:
          "Its producer uploads the carrier's file back (B2クラウド issued slips, or parcel id,carrier,tracking number) and gets a per-row report",
        security: BEARER,
        responses: {
          200: jsonResponse("What each row did", TrackingImportReport),
          // 400: neither format, or malformed (the report names the row).
          ...problems(400, 401, 403, 404, 409, 413),
        },
      }),
      requireActor,
      validate("param", IdParam),
      validate("json", TrackingFileBody),
      (c) =>
        respond(
          c,
          shipments.importTrackingFile(c.var.actor, {
            planId: c.req.valid("param").id as PlanId,
            content: new Uint8Array(Buffer.from(c.req.valid("json").fileBase64, "base64")),
          }),
        ),
    )
    .post(
      "/plans/:id/parcels/:parcelId/delivery-confirmation",
      describeRoute({
        tags: ["shipments"],
        summary: "Its owner confirms a shipped parcel arrived (repeatable)",
        security: BEARER,
        responses: {
          200: jsonResponse("The parcel, and the plan's status after it", ParcelMoved),
          // 409: the parcel has not been shipped yet.
          ...problems(400, 401, 403, 404, 409),
        },
      }),
      requireActor,
      validate("param", ParcelParam),
      (c) => {
        const { id, parcelId } = c.req.valid("param");
        return respond(
          c,
          shipments.confirmDelivery(c.var.actor, {
            planId: id as PlanId,
            parcelId: parcelId as ParcelId,
          }),
        );
      },
    )
    .get(
      "/plans/:id/logistics",
      describeRoute({
        tags: ["shipments"],
        summary: "Its producer's view of the plan's logistics (the defaults until it sets them)",
        security: BEARER,
        responses: {
          200: jsonResponse("The plan's logistics", PlanLogistics),
          ...problems(401, 403, 404),
        },
      }),
      requireActor,
      validate("param", IdParam),
      validate("query", NoQuery),
      (c) =>
        respond(c, shipments.getPlanLogistics(c.var.actor, { planId: c.req.valid("param").id })),
    )
    .put(
      "/plans/:id/logistics",
      describeRoute({
        tags: ["shipments"],
        summary:
          "Its producer sets ship-from, boxes per day, transit days, temperature and delivery slots",
        security: BEARER,
        responses: {
          200: jsonResponse("The plan's logistics", PlanLogistics),
          // 409: allocated already (the schedule is built from them) or a concurrent edit.
          ...problems(400, 401, 403, 404, 409),
        },
      }),
      requireActor,
      validate("param", IdParam),
      validate("json", LogisticsBody),
      (c) => {
        const { expectedVersion, ...logistics } = c.req.valid("json");
        return respond(
          c,
          shipments.setPlanLogistics(c.var.actor, {
            planId: c.req.valid("param").id,
            logistics,
            ...(expectedVersion === undefined ? {} : { expectedVersion }),
          }),
          200,
          planLogisticsView,
        );
      },
    )
    .get(
      "/ownerships/:id/delivery",
      describeRoute({
        tags: ["shipments"],
        summary: "Where its owner's ownership ships, with what the plan allows (owner only)",
        security: BEARER,
        responses: {
          200: jsonResponse("The delivery choice", OwnershipDelivery),
          ...problems(401, 403, 404, 409),
        },
      }),
      requireActor,
      validate("param", IdParam),
      validate("query", NoQuery),
      (c) =>
        respond(
          c,
          shipments.getOwnershipDelivery(c.var.actor, { ownershipId: c.req.valid("param").id }),
        ),
    )
    .put(
      "/ownerships/:id/delivery",
      describeRoute({
        tags: ["shipments"],
        summary:
          "Its owner picks a saved address or a gift address and, where allowed, the time slot",
        security: BEARER,
        responses: {
          200: jsonResponse("The delivery choice", DeliveryChoice),
          ...problems(400, 401, 403, 404, 409),
        },
      }),
      requireActor,
      validate("param", IdParam),
      validate("json", DeliveryBody),
      (c) => {
        const { expectedVersion, slot, destination } = c.req.valid("json");
        return respond(
          c,
          shipments.setOwnershipDelivery(c.var.actor, {
            ownershipId: c.req.valid("param").id,
            destination,
            ...(slot === undefined ? {} : { slot }),
            ...(expectedVersion === undefined ? {} : { expectedVersion }),
          }),
        );
      },
    );
