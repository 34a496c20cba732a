import type { OwnerProfile } from "@owners/app";
import * as O from "fp-ts/lib/Option.js";
import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import * as z from "zod/mini";
import type { UseCases } from "../composition/use-cases.ts";
import type { ApiEnv } from "../http/env.ts";
import { respond } from "../http/respond.ts";
import {
  BEARER,
  Int,
  jsonResponse,
  LocalDate,
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
import { ownershipJson } from "../views/ownership.ts";
import { OwnershipSchema } from "./ownership-schema.ts";

/** Yen that may be negative (a reversed fee), unlike prices. */
const SignedYen = z.int();

const money = {
  revenueYen: withDoc(SignedYen, { description: "Charged minus refunded" }),
  refundsYen: SignedYen,
  feesYen: withDoc(SignedYen, { description: "The platform's fee, net of reversals" }),
  payoutYen: withDoc(SignedYen, { description: "What the producer is paid, net of reversals" }),
  creditsYen: withDoc(SignedYen, { description: "Store credit owed to owners (no yen moved)" }),
};

const ProducerSummarySchema = named(
  "ProducerSummary",
  z.object({
    sharesSold: Int,
    owners: Int,
    repeatOwners: Int,
    repeatOwnerRate: z.number().check(z.gte(0), z.lte(1)),
    ...money,
    plans: z.array(
      z.object({
        planId: z.string(),
        title: z.string(),
        status: z.string(),
        sharesSold: Int,
        owners: Int,
        ...money,
      }),
    ),
    sharesSoldByDay: z.array(z.object({ day: LocalDate, shares: Int })),
  }),
);

export const Address = named(
  "ShippingAddress",
  z.strictObject({
    recipientName: Text(1, 200),
    postalCode: withDoc(Text(1, 20), { example: "150-0001" }),
    prefecture: Text(1, 40),
    city: Text(1, 200),
    line1: Text(1, 400),
    line2: z.optional(z.string().check(z.maxLength(400))),
    phone: Text(1, 40),
  }),
);

const MyAddress = named(
  "MyAddress",
  z.object({
    address: z.nullable(Address),
    region: z.nullable(z.string()),
    updatedAt: z.nullable(z.string()),
    /** 0 before the first save; send it back as expectedVersion to guard against a concurrent edit. */
    version: Int,
  }),
);

interface MyAddressJson {
  readonly address: NonNullable<OwnerProfile["address"]> | null;
  readonly region: string | null;
  readonly updatedAt: string | null;
  readonly version: number;
}

const addressJson = (profile: OwnerProfile): MyAddressJson => ({
  address: profile.address ?? null,
  region: profile.region ?? null,
  updatedAt: profile.updatedAt,
  version: profile.version,
});

export const WaitlistOfferSchema = named(
  "WaitlistOffer",
  z.object({
    id: z.string(),
    planId: z.string(),
    shares: Int,
    wantedShares: Int,
    offeredAt: z.string(),
    expiresAt: z.string(),
  }),
);

const AddressBody = z.strictObject({
  address: Address,
  region: withDoc(Text(1, 40), { example: "kanto" }),
  expectedVersion: z.optional(z.int().check(z.gte(0), z.lte(1_000_000_000))),
});

const MyCredits = named(
  "MyCredits",
  z.object({ credits: z.array(z.object({ producerId: z.string(), balanceYen: Int })) }),
);

const NextSeasonSchema = named(
  "NextSeason",
  z.object({
    completedPlan: z.object({ id: z.string(), title: z.string(), producerId: z.string() }),
    nextPlan: z.object({
      id: z.string(),
      title: z.string(),
      status: z.string(),
      opensAt: z.string(),
      closesAt: z.string(),
      returningOwnersOpenAt: z.nullable(z.string()),
      maxSharesPerOwner: Int,
    }),
    opensToYouAt: withDoc(z.string(), {
      description:
        "From when this owner may reserve: the returning owners' early window, else the opening",
    }),
    windowOpen: withDoc(z.boolean(), { description: "The owner may reserve right now" }),
    suggestedShares: withDoc(Int, {
      description: "Last season's shares, within the next plan's per-owner cap: the form's prefill",
    }),
    alreadyReserved: z.boolean(),
  }),
);

/** No parameters: an unknown one is a 400, not silently ignored. */

/** The signed-in caller's own things: figures, ownerships, offers, shipping address. */
export const meRoutes = ({
  plans,
  reservations,
  waitlist,
  shipments,
  harvest,
  communication,
}: Pick<
  UseCases,
  "plans" | "reservations" | "waitlist" | "shipments" | "harvest" | "communication"
>) =>
  new Hono<ApiEnv>()
    .get(
      "/me/credits",
      describeRoute({
        tags: ["owners"],
        summary:
          "The signed-in owner's store credit per producer, spent on that producer's next reservation",
        security: BEARER,
        responses: {
          200: jsonResponse("Balances (non-zero), by producer", MyCredits),
          ...problems(400, 401, 403),
        },
      }),
      requireActor,
      validate("query", NoQuery),
      (c) => respond(c, harvest.listMyCredits(c.var.actor)),
    )
    .get(
      "/producers/me/summary",
      describeRoute({
        tags: ["producers"],
        summary:
          "The signed-in producer's figures from live data: shares, money, owners, repeat owners",
        security: BEARER,
        responses: {
          200: jsonResponse(
            "Totals, per plan, and shares sold per day (Japan)",
            ProducerSummarySchema,
          ),
          ...problems(400, 401, 403),
        },
      }),
      requireActor,
      validate("query", NoQuery),
      (c) => respond(c, plans.producerSummary(c.var.actor)),
    )
    .get(
      "/me/ownerships",
      describeRoute({
        tags: ["reservations"],
        summary: "The signed-in owner's ownerships, newest first",
        security: BEARER,
        responses: {
          200: jsonResponse("A page of ownerships", PageOf(OwnershipSchema, "OwnershipPage")),
          ...problems(400, 401, 403),
        },
      }),
      requireActor,
      validate("query", PageQuery),
      (c) =>
        respond(
          c,
          reservations.listMyOwnerships(c.var.actor, { page: pageOf(c.req.valid("query")) }),
          200,
          (page) => ({ ...page, items: page.items.map(ownershipJson) }),
        ),
    )
    .get(
      "/me/waitlist-offers",
      describeRoute({
        tags: ["waitlist"],
        summary:
          "The signed-in owner's live waitlist offers (shares held for it), soonest expiry first",
        security: BEARER,
        responses: {
          200: jsonResponse(
            "Live offers; accept one with POST /plans/{id}/waitlist/offers/{offerId}/accept",
            z.object({ items: z.array(WaitlistOfferSchema) }),
          ),
          ...problems(400, 401, 403),
        },
      }),
      requireActor,
      validate("query", NoQuery),
      (c) =>
        respond(c, waitlist.listMyOffers(c.var.actor), 200, (offers) => ({
          items: offers.map((offer) => ({
            id: offer.id,
            planId: offer.planId,
            shares: offer.shares,
            wantedShares: offer.wantedShares,
            offeredAt: offer.offeredAt,
            expiresAt: offer.expiresAt,
          })),
        })),
    )
    .get(
      "/me/address",
      describeRoute({
        tags: ["owners"],
        summary: "The signed-in owner's shipping address (null fields until it sets one)",
        security: BEARER,
        responses: { 200: jsonResponse("The address", MyAddress), ...problems(401, 403) },
      }),
      requireActor,
      (c) =>
        respond(
          c,
          shipments.getMyAddress(c.var.actor),
          200,
          O.match(
            () => ({ address: null, region: null, updatedAt: null, version: 0 }),
            (profile): MyAddressJson => addressJson(profile),
          ),
        ),
    )
    .put(
      "/me/address",
      describeRoute({
        tags: ["owners"],
        summary: "The signed-in owner sets its shipping address and region",
        security: BEARER,
        responses: { 200: jsonResponse("The address", MyAddress), ...problems(400, 401, 403, 409) },
      }),
      requireActor,
      validate("json", AddressBody),
      (c) => respond(c, shipments.setMyAddress(c.var.actor, c.req.valid("json")), 200, addressJson),
    )
    .get(
      "/me/next-seasons",
      describeRoute({
        tags: ["reservations"],
        summary:
          "Reserve again: per completed plan the owner held, the producer's next plan and whether its window is open to the owner now",
        security: BEARER,
        responses: {
          200: jsonResponse(
            "Cards, latest completed plan first; reserve with POST /plans/{id}/reservations",
            z.object({ items: z.array(NextSeasonSchema) }),
          ),
          ...problems(400, 401, 403),
        },
      }),
      requireActor,
      validate("query", NoQuery),
      (c) =>
        respond(c, communication.listNextSeasons(c.var.actor), 200, (cards) => ({
          items: cards.map((card) => ({
            completedPlan: card.completedPlan,
            nextPlan: {
              id: card.nextPlan.id,
              title: card.nextPlan.title,
              status: card.nextPlan.status,
              opensAt: card.nextPlan.salesWindow.opensAt,
              closesAt: card.nextPlan.salesWindow.closesAt,
              returningOwnersOpenAt: card.nextPlan.salesWindow.returningOwnersOpenAt ?? null,
              maxSharesPerOwner: card.nextPlan.maxSharesPerOwner,
            },
            opensToYouAt: card.opensToYouAt,
            windowOpen: card.windowOpen,
            suggestedShares: card.suggestedShares,
            alreadyReserved: card.alreadyReserved,
          })),
        })),
    );
