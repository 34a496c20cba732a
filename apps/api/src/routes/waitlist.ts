import * as z from "zod/mini";
import type { ApiApp } from "../app.ts";
import type { UseCases } from "../composition/use-cases.ts";
import { signedIn } from "../http/handle.ts";
import { addRoute, createRoute } from "../http/route.ts";
import {
  BEARER,
  Id,
  IdParam,
  Int,
  jsonBody,
  jsonResponse,
  named,
  problems,
  Text,
} from "../http/schemas.ts";
import { ownershipJson } from "../views/ownership.ts";
import { OwnershipSchema } from "./reservations.ts";

const WaitlistPlace = named(
  "WaitlistPlace",
  z.object({ planId: z.string(), shares: Int, position: Int }),
);

const WaitlistOfferSchema = named(
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

const myOffersRoute = createRoute({
  method: "get",
  path: "/me/waitlist-offers",
  tags: ["waitlist"],
  summary: "The signed-in owner's live waitlist offers (shares held for it), soonest expiry first",
  security: BEARER,
  // No parameters: an unknown one is a 400, not silently ignored.
  request: { query: z.strictObject({}) },
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
    body: jsonBody(z.strictObject({ shares: z.int().check(z.gte(1), z.lte(1_000_000)) })),
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
    params: z.extend(IdParam, { offerId: Id }),
    body: jsonBody(z.strictObject({ shippingRegion: Text(1, 40) })),
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
