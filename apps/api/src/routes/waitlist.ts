import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import * as z from "zod/mini";
import type { UseCases } from "../composition/use-cases.ts";
import type { ApiEnv } from "../http/env.ts";
import { respond } from "../http/respond.ts";
import {
  BEARER,
  Id,
  IdParam,
  Int,
  jsonResponse,
  NoQuery,
  named,
  problems,
  Text,
  withDoc,
} from "../http/schemas.ts";
import { requireActor } from "../http/signed-in.ts";
import { validate } from "../http/validation.ts";
import { ownershipJson } from "../views/ownership.ts";
import { WaitlistOfferSchema } from "./me.ts";
import { OwnershipSchema } from "./ownership-schema.ts";

const WaitlistPlace = named(
  "WaitlistPlace",
  z.object({ planId: z.string(), shares: Int, position: Int }),
);

const MyWaitlistPlace = named(
  "MyWaitlistPlace",
  z.object({
    status: z.enum(["waiting", "offered", "none"]),
    position: withDoc(z.nullable(Int), {
      description: "1-based among those still waiting, in the order offers go out",
    }),
    shares: z.nullable(Int),
    joinedAt: z.nullable(z.string()),
    offer: z.nullable(WaitlistOfferSchema),
  }),
);

/** A sold-out plan's first-come line: joining, leaving, taking an offer. */
export const waitlistRoutes = ({ waitlist }: Pick<UseCases, "waitlist">) =>
  new Hono<ApiEnv>()
    .post(
      "/plans/:id/waitlist",
      describeRoute({
        tags: ["waitlist"],
        summary: "An owner joins a sold-out plan's first-come line for some shares",
        security: BEARER,
        responses: {
          201: jsonResponse("The owner's place in line (1 = next)", WaitlistPlace),
          ...problems(400, 401, 403, 404, 409),
        },
      }),
      requireActor,
      validate("param", IdParam),
      validate("json", z.strictObject({ shares: z.int().check(z.gte(1), z.lte(1_000_000)) })),
      (c) =>
        respond(
          c,
          waitlist.joinWaitlist(c.var.actor, {
            planId: c.req.valid("param").id,
            shares: c.req.valid("json").shares,
          }),
          201,
        ),
    )
    .delete(
      "/plans/:id/waitlist",
      describeRoute({
        tags: ["waitlist"],
        summary: "An owner leaves a plan's line",
        security: BEARER,
        responses: {
          200: jsonResponse(
            "Left the line",
            z.object({ planId: z.string(), left: z.literal(true) }),
          ),
          ...problems(400, 401, 403, 404, 409),
        },
      }),
      requireActor,
      validate("param", IdParam),
      (c) => {
        const planId = c.req.valid("param").id;
        return respond(c, waitlist.leaveWaitlist(c.var.actor, { planId }), 200, () => ({
          planId,
          left: true,
        }));
      },
    )
    .get(
      "/plans/:id/waitlist/mine",
      describeRoute({
        tags: ["waitlist"],
        summary: "The signed-in owner's place in a plan's line: waiting at N, offered, or none",
        security: BEARER,
        responses: {
          200: jsonResponse("The owner's place", MyWaitlistPlace),
          ...problems(400, 401, 403, 404),
        },
      }),
      requireActor,
      validate("param", IdParam),
      validate("query", NoQuery),
      (c) =>
        respond(
          c,
          waitlist.myPlace(c.var.actor, { planId: c.req.valid("param").id }),
          200,
          (place) => ({
            status: place.status,
            position: place.position,
            // Offered: the shares held; waiting: the shares asked for.
            shares: place.offer?.shares ?? place.entry?.shares ?? null,
            joinedAt: place.entry?.joinedAt ?? null,
            offer:
              place.offer === null
                ? null
                : {
                    id: place.offer.id,
                    planId: place.planId,
                    shares: place.offer.shares,
                    wantedShares: place.offer.wantedShares,
                    offeredAt: place.offer.offeredAt,
                    expiresAt: place.offer.expiresAt,
                  },
          }),
        ),
    )
    .post(
      "/plans/:id/waitlist/offers/:offerId/accept",
      describeRoute({
        tags: ["waitlist"],
        summary:
          "An owner takes its waitlist offer: the held shares become an ownership (idempotent)",
        security: BEARER,
        responses: {
          201: jsonResponse("The ownership", OwnershipSchema),
          ...problems(400, 401, 403, 404, 409, 503),
        },
      }),
      requireActor,
      validate("param", z.extend(IdParam, { offerId: Id })),
      validate("json", z.strictObject({ shippingRegion: Text(1, 40) })),
      (c) => {
        const { id, offerId } = c.req.valid("param");
        return respond(
          c,
          waitlist.acceptOffer(c.var.actor, {
            planId: id,
            offerId,
            shippingRegion: c.req.valid("json").shippingRegion,
          }),
          201,
          (result) => ownershipJson(result.ownership),
        );
      },
    );
