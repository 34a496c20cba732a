import type { Actor, AppError, OwnerProfile } from "@owners/app";
import { pipe } from "fp-ts/lib/function.js";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import * as z from "zod/mini";
import type { ApiApp } from "../app.ts";
import type { UseCases } from "../composition/use-cases.ts";
import { signedIn } from "../http/handle.ts";
import { addRoute, createRoute } from "../http/route.ts";
import {
  BEARER,
  IdParam,
  Int,
  jsonBody,
  jsonResponse,
  named,
  PageOf,
  PageQuery,
  pageOf,
  problems,
  RequiredIdempotencyHeader,
  Text,
} from "../http/schemas.ts";
import { ownershipJson } from "../views/ownership.ts";

export const OwnershipSchema = named(
  "Ownership",
  z.object({
    id: z.string(),
    planId: z.string(),
    ownerId: z.string(),
    status: z.enum(["active", "cancelled"]),
    shares: Int,
    unitPriceYen: Int,
    lines: z.array(z.object({ shares: Int, unitPriceYen: Int, reason: z.string() })),
    sharesYen: Int,
    shippingRegion: z.string(),
    shippingYen: Int,
    totalYen: Int,
    reservedAt: z.string(),
    cancelledAt: z.optional(z.string()),
  }),
);

const ReserveBody = named(
  "ReservationRequest",
  z.strictObject({
    shares: z.int().check(z.gte(1), z.lte(1_000_000)),
    /** Where the boxes go (prices the surcharge); the owner's saved region, else the plan's own, by default. */
    shippingRegion: z.optional(Text(1, 40)),
  }),
);

const reserveRoute = createRoute({
  method: "post",
  path: "/plans/{id}/reservations",
  tags: ["reservations"],
  summary: "An owner reserves and pays for shares (idempotent by the Idempotency-Key header)",
  security: BEARER,
  request: { params: IdParam, headers: RequiredIdempotencyHeader, body: jsonBody(ReserveBody) },
  responses: {
    201: jsonResponse(
      "The ownership, at the price locked now; a repeat with the same key gets the same body",
      OwnershipSchema,
    ),
    ...problems(400, 401, 403, 404, 409, 503),
  },
});

const myOwnershipsRoute = createRoute({
  method: "get",
  path: "/me/ownerships",
  tags: ["reservations"],
  summary: "The signed-in owner's ownerships, newest first",
  security: BEARER,
  request: { query: PageQuery },
  responses: {
    200: jsonResponse("A page of ownerships", PageOf(OwnershipSchema, "OwnershipPage")),
    ...problems(400, 401, 403),
  },
});

const cancelOwnershipRoute = createRoute({
  method: "delete",
  path: "/ownerships/{id}",
  tags: ["reservations"],
  summary: "Its owner cancels an ownership before the producer's deadline; refunded in full",
  security: BEARER,
  request: { params: IdParam },
  responses: {
    200: jsonResponse("The cancelled ownership", OwnershipSchema),
    ...problems(400, 401, 403, 404, 409, 503),
  },
});

/**
 * The region a reservation ships to when the request names none: the owner's saved one, or the
 * plan's own region (what a newcomer trying the API gets without setting an address first).
 */
const shippingRegionFor = (
  useCases: UseCases,
  actor: Actor,
  planId: string,
  given: string | undefined,
): TE.TaskEither<AppError, string> =>
  given !== undefined
    ? TE.right(given)
    : pipe(
        useCases.shipments.getMyAddress(actor),
        TE.orElse(() => TE.right<AppError, O.Option<OwnerProfile>>(O.none)),
        TE.chain(
          O.match(
            () =>
              pipe(
                useCases.plans.getPlan(actor, { planId }),
                TE.map(({ plan }) => plan.region),
              ),
            (profile) => TE.right(profile.region),
          ),
        ),
      );

export const registerReservationRoutes = (app: ApiApp, useCases: UseCases): void => {
  const { reservations } = useCases;

  addRoute(app, reserveRoute, (c) => {
    const { id } = c.req.valid("param");
    const { shares, shippingRegion } = c.req.valid("json");
    const idempotencyKey = c.req.valid("header")["idempotency-key"];
    return signedIn(
      c,
      (actor) =>
        pipe(
          shippingRegionFor(useCases, actor, id, shippingRegion),
          TE.chain((region) =>
            reservations.reserveShares(actor, {
              planId: id,
              shares,
              shippingRegion: region,
              idempotencyKey,
            }),
          ),
          // The same body on a repeat; a header tells a client it was one.
          TE.tap((result) =>
            TE.fromIO(() =>
              result.replayed ? c.header("Idempotent-Replayed", "true") : undefined,
            ),
          ),
        ),
      201,
      (result) => ownershipJson(result.ownership),
    );
  });

  addRoute(app, myOwnershipsRoute, (c) =>
    signedIn(
      c,
      (actor) => reservations.listMyOwnerships(actor, { page: pageOf(c.req.valid("query")) }),
      200,
      (page) => ({ ...page, items: page.items.map(ownershipJson) }),
    ),
  );

  addRoute(app, cancelOwnershipRoute, (c) =>
    signedIn(
      c,
      (actor) => reservations.cancelOwnership(actor, { ownershipId: c.req.valid("param").id }),
      200,
      ownershipJson,
    ),
  );
};
