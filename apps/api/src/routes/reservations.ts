import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import * as z from "zod/mini";
import type { UseCases } from "../composition/use-cases.ts";
import type { ApiEnv } from "../http/env.ts";
import { respond } from "../http/respond.ts";
import {
  BEARER,
  IdParam,
  jsonResponse,
  named,
  problems,
  RequiredIdempotencyHeader,
  Text,
  withDoc,
} from "../http/schemas.ts";
import { requireActor } from "../http/signed-in.ts";
import { validate } from "../http/validation.ts";
import { ownershipJson } from "../views/ownership.ts";
import { OwnershipSchema } from "./ownership-schema.ts";

const ReserveBody = named(
  "ReservationRequest",
  z.strictObject({
    shares: z.int().check(z.gte(1), z.lte(1_000_000)),
    shippingRegion: z.optional(
      withDoc(Text(1, 40), {
        description:
          "Where the boxes go (prices the surcharge). Left out: the owner's saved region, else the plan's region when the plan ships there, else the cheapest region the plan ships to.",
        example: "kanto",
      }),
    ),
    useCredit: z.optional(
      withDoc(z.boolean(), {
        description:
          "Spend the owner's store credit at this producer first (default true): the charge is the total less the credit",
      }),
    ),
  }),
);

/** Reserving shares and cancelling an ownership. */
export const reservationRoutes = ({ reservations }: Pick<UseCases, "reservations">) =>
  new Hono<ApiEnv>()
    .post(
      "/plans/:id/reservations",
      describeRoute({
        tags: ["reservations"],
        summary: "An owner reserves and pays for shares (idempotent by the Idempotency-Key header)",
        security: BEARER,
        responses: {
          201: jsonResponse(
            "The ownership, at the price locked now; a repeat with the same key gets the same body",
            OwnershipSchema,
          ),
          ...problems(400, 401, 403, 404, 409, 503),
        },
      }),
      requireActor,
      validate("param", IdParam),
      validate("header", RequiredIdempotencyHeader),
      validate("json", ReserveBody),
      (c) => {
        const { shares, shippingRegion, useCredit } = c.req.valid("json");
        return respond(
          c,
          pipe(
            reservations.reserveShares(c.var.actor, {
              planId: c.req.valid("param").id,
              shares,
              shippingRegion,
              useCredit,
              idempotencyKey: c.req.valid("header")["idempotency-key"],
            }),
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
      },
    )
    .delete(
      "/ownerships/:id",
      describeRoute({
        tags: ["reservations"],
        summary: "Its owner cancels an ownership before the producer's deadline; refunded in full",
        security: BEARER,
        responses: {
          200: jsonResponse("The cancelled ownership", OwnershipSchema),
          ...problems(400, 401, 403, 404, 409, 503),
        },
      }),
      requireActor,
      validate("param", IdParam),
      (c) =>
        respond(
          c,
          reservations.cancelOwnership(c.var.actor, { ownershipId: c.req.valid("param").id }),
          200,
          ownershipJson,
        ),
    );
