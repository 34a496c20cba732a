import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import * as z from "zod/mini";
import type { UseCases } from "../composition/use-cases.ts";
import type { ApiEnv } from "../http/env.ts";
import { respond } from "../http/respond.ts";
import { BEARER, Id, IdParam, Int, jsonResponse, named, problems, Text } from "../http/schemas.ts";
import { requireActor } from "../http/signed-in.ts";
import { validate } from "../http/validation.ts";
import { ownershipJson } from "../views/ownership.ts";
import { OwnershipSchema } from "./ownership-schema.ts";

const WaitlistPlace = named(
  "WaitlistPlace",
  z.object({ planId: z.string(), shares: Int, position: Int }),
);

/** A sold-out plan's first-come line: joining, leaving, taking an offer. */
export const waitlistRoutes = ({ waitlist }: UseCases) =>
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
