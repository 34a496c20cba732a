import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import * as z from "zod/mini";
import type { UseCases } from "../composition/use-cases.ts";
import type { ApiEnv } from "../http/env.ts";
import { respond } from "../http/respond.ts";
import { BEARER, Id, jsonResponse, named, problems } from "../http/schemas.ts";
import { requireActor } from "../http/signed-in.ts";
import { validate } from "../http/validation.ts";
import { ownershipJson } from "../views/ownership.ts";
import { OwnershipSchema } from "./ownership-schema.ts";

const WebhookAnswer = named(
  "PaymentWebhookAnswer",
  z.object({ received: z.boolean(), duplicate: z.boolean() }),
);

const CompleteBody = named(
  "DevPaymentCompletion",
  z.strictObject({ outcome: z.enum(["succeeded", "failed"]) }),
);

const PaymentIdParam = z.object({ paymentId: Id });

/**
 * The processor's webhooks (no bearer: the signature over the raw body is the authentication) and,
 * while dev login is on, completing a local checkout from an API client.
 */
export const paymentRoutes = (
  { reservations }: Pick<UseCases, "reservations">,
  devPayments: boolean,
) => {
  const routes = new Hono<ApiEnv>().post(
    "/webhooks/payments",
    describeRoute({
      tags: ["payments"],
      summary:
        "The payment processor's events (Stripe-Signature over the raw body); unknown events are acknowledged",
      responses: {
        200: jsonResponse("Acted on, or already acted on (duplicate)", WebhookAnswer),
        ...problems(400, 503),
      },
    }),
    async (c) => {
      // The raw text, before any JSON parsing: the signature covers these exact bytes.
      const rawBody = await c.req.text();
      return respond(
        c,
        reservations.handlePaymentWebhook(rawBody, c.req.header("stripe-signature")),
        200,
        (answer) => ({ received: true, duplicate: answer.outcome === "duplicate" }),
      );
    },
  );
  if (!devPayments) return routes;
  return routes.post(
    "/dev/payments/:paymentId/complete",
    describeRoute({
      tags: ["payments"],
      summary:
        "Local only (dev login on): the owner of a pending checkout (or an admin) completes it, as the processor's webhook would",
      security: BEARER,
      responses: {
        200: jsonResponse("The ownership afterwards", OwnershipSchema),
        ...problems(400, 401, 403, 404, 409, 503),
      },
    }),
    requireActor,
    validate("param", PaymentIdParam),
    validate("json", CompleteBody),
    (c) =>
      respond(
        c,
        reservations.completeDevPayment(c.var.actor, {
          paymentId: c.req.valid("param").paymentId,
          outcome: c.req.valid("json").outcome,
        }),
        200,
        ownershipJson,
      ),
  );
};
