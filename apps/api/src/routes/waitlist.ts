import { createRoute, z } from "@hono/zod-openapi";
import type { ApiApp } from "../app.ts";
import type { UseCases } from "../composition/use-cases.ts";
import { signedIn } from "../http/handle.ts";
import { addRoute } from "../http/route.ts";
import { BEARER, Id, IdParam, jsonBody, jsonResponse, problems } from "../http/schemas.ts";
import { ownershipJson } from "../views/ownership.ts";
import { OwnershipSchema } from "./reservations.ts";

const WaitlistPlace = z
  .object({ planId: z.string(), shares: z.number().int(), position: z.number().int() })
  .openapi("WaitlistPlace");

const WaitlistOfferSchema = z
  .object({
    id: z.string(),
    planId: z.string(),
    shares: z.number().int(),
    wantedShares: z.number().int(),
    offeredAt: z.string(),
    expiresAt: z.string(),
  })
  .openapi("WaitlistOffer");

const myOffersRoute = createRoute({
  method: "get",
  path: "/me/waitlist-offers",
  tags: ["waitlist"],
  summary: "The signed-in owner's live waitlist offers (shares held for it), soonest expiry first",
  security: BEARER,
  // No parameters: an unknown one is a 400, not silently ignored.
  request: { query: z.object({}).strict() },
  responses: {
    200: jsonResponse(
      "Live offers; accept one with POST /plans/{id}/waitlist/offers/{offerId}/accept",
      z.object({ items: z.array(WaitlistOfferSchema) }),
    ),
    ...problems(400, 401, 403),
  },
});

const joinRoute = createRoute({
  method: "post",
  path: "/plans/{id}/waitlist",
  tags: ["waitlist"],
  summary: "An owner joins a sold-out plan's first-come line for some shares",
  security: BEARER,
  request: {
    params: IdParam,
    body: jsonBody(z.object({ shares: z.number().int().min(1).max(1_000_000) }).strict()),
  },
  responses: {
    201: jsonResponse("The owner's place in line (1 = next)", WaitlistPlace),
    ...problems(400, 401, 403, 404, 409),
  },
});

const leaveRoute = createRoute({
  method: "delete",
  path: "/plans/{id}/waitlist",
  tags: ["waitlist"],
  summary: "An owner leaves a plan's line",
  security: BEARER,
  request: { params: IdParam },
  responses: {
    200: jsonResponse("Left the line", z.object({ planId: z.string(), left: z.literal(true) })),
    ...problems(400, 401, 403, 404, 409),
  },
});

const acceptRoute = createRoute({
  method: "post",
  path: "/plans/{id}/waitlist/offers/{offerId}/accept",
  tags: ["waitlist"],
  summary: "An owner takes its waitlist offer: the held shares become an ownership (idempotent)",
  security: BEARER,
  request: {
    params: IdParam.extend({
      offerId: Id.openapi({ param: { name: "offerId", in: "path" } }),
    }),
    body: jsonBody(z.object({ shippingRegion: z.string().min(1).max(40) }).strict()),
  },
  responses: {
    201: jsonResponse("The ownership", OwnershipSchema),
    ...problems(400, 401, 403, 404, 409, 503),
  },
});

export const registerWaitlistRoutes = (app: ApiApp, { waitlist }: UseCases): void => {
  addRoute(app, myOffersRoute, (c) =>
    signedIn(c, waitlist.listMyOffers, 200, (offers) => ({
      items: offers.map((offer) => ({
        id: offer.id,
        planId: offer.planId,
        shares: offer.shares,
        wantedShares: offer.wantedShares,
        offeredAt: offer.offeredAt,
        expiresAt: offer.expiresAt,
      })),
    })),
  );

  addRoute(app, joinRoute, (c) =>
    signedIn(
      c,
      (actor) =>
        waitlist.joinWaitlist(actor, {
          planId: c.req.valid("param").id,
          shares: c.req.valid("json").shares,
        }),
      201,
    ),
  );

  addRoute(app, leaveRoute, (c) => {
    const planId = c.req.valid("param").id;
    return signedIn(
      c,
      (actor) => waitlist.leaveWaitlist(actor, { planId }),
      200,
      () => ({
        planId,
        left: true,
      }),
    );
  });

  addRoute(app, acceptRoute, (c) => {
    const { id, offerId } = c.req.valid("param");
    return signedIn(
      c,
      (actor) =>
        waitlist.acceptOffer(actor, {
          planId: id,
          offerId,
          shippingRegion: c.req.valid("json").shippingRegion,
        }),
      201,
      (result) => ownershipJson(result.ownership),
    );
  });
};
