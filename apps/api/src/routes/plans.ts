import { type PlanView, planView } from "@owners/app";
import type { Plan } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import * as z from "zod/mini";
import type { UseCases } from "../composition/use-cases.ts";
import type { ApiEnv } from "../http/env.ts";
import { pageWithPhotoUrls, withPhotoUrls } from "../http/photo-urls.ts";
import { readerOf } from "../http/reader.ts";
import { respond } from "../http/respond.ts";
import {
  BEARER,
  Id,
  IdParam,
  Int,
  jsonResponse,
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
import { quoteJson } from "../views/ownership.ts";
import { planJson } from "../views/plan.ts";
import { withProducer, withProducers } from "../views/plan-producer.ts";
import { TemperatureSurchargeSchema } from "./ownership-schema.ts";
import {
  CreatePlanBody,
  EditPlanBody,
  PlanJsonSchema,
  patchFromEdit,
  termsFromCreate,
} from "./plan-schemas.ts";

const PlanStatus = z.enum([
  "draft",
  "open",
  "closed",
  "allocated",
  "shipped",
  "completed",
  "cancelled",
]);

const ListPlansQuery = z.extend(PageQuery, {
  status: z.optional(PlanStatus),
  category: z.optional(Text(1, 40)),
  region: z.optional(Text(1, 40)),
  producerId: z.optional(Id),
});

const IfMatch = z.object({
  "if-match": z.optional(
    withDoc(z.string().check(z.regex(/^"?\d{1,9}"?$/, "must be the plan's version")), {
      example: '"3"',
    }),
  ),
});

const QuoteSchema = named(
  "Quote",
  z.object({
    shares: Int,
    unitPriceYen: Int,
    lines: z.array(z.object({ shares: Int, unitPriceYen: Int, reason: z.string() })),
    sharesYen: Int,
    shippingRegion: z.string(),
    shippingYen: Int,
    temperatureSurcharge: z.optional(TemperatureSurchargeSchema),
    totalYen: Int,
  }),
);

const QuoteQuery = z.strictObject({
  shares: z.coerce.number().check(z.int(), z.gte(1), z.lte(1_000_000)),
  shippingRegion: Text(1, 40),
});

const CancelPlanBody = named(
  "CancelPlan",
  z.strictObject({
    reason: withDoc(Text(1, 500), {
      description: "Why the plan is cancelled: sent to every owner in the cancellation notice",
      example: "A typhoon flattened the orchard in August.",
    }),
  }),
);

const planAnswer = (summary: string, ...statuses: Parameters<typeof problems>) =>
  describeRoute({
    tags: ["plans"],
    summary,
    security: BEARER,
    responses: { 200: jsonResponse("The plan", PlanJsonSchema), ...problems(...statuses) },
  });

/** Plans: drafting, browsing, editing, the lifecycle, quotes and photos. */
export const planRoutes = ({
  plans,
  photoUploads,
  people,
}: Pick<UseCases, "plans" | "photoUploads" | "people">) => {
  /** A plan as shown: its JSON, a download URL per photo, its producer's card and cover photo. */
  const shown = (view: PlanView) =>
    pipe(withPhotoUrls(photoUploads)(planJson(view)), TE.chain(withProducer(people)));
  const shownPlan = TE.chain((plan: Plan) => shown(planView(plan)));

  return new Hono<ApiEnv>()
    .post(
      "/plans",
      describeRoute({
        tags: ["plans"],
        summary: "A producer drafts a plan (publish it to open sales)",
        security: BEARER,
        responses: {
          201: jsonResponse("The draft plan", PlanJsonSchema),
          // 404: an admin named a producer that was never approved.
          ...problems(400, 401, 403, 404, 413),
        },
      }),
      requireActor,
      validate("json", CreatePlanBody),
      (c) => {
        const body = c.req.valid("json");
        return respond(
          c,
          pipe(
            plans.createPlan(c.var.actor, {
              terms: termsFromCreate(body),
              ...(body.producerId !== undefined ? { producerId: body.producerId } : {}),
            }),
            shownPlan,
          ),
          201,
        );
      },
    )
    .get(
      "/plans",
      describeRoute({
        tags: ["plans"],
        summary: "Browse plans (open ones unless another status is asked for), newest first",
        responses: {
          200: jsonResponse("A page of plans", PageOf(PlanJsonSchema, "PlanPage")),
          ...problems(400, 403),
        },
      }),
      validate("query", ListPlansQuery),
      (c) => {
        const { status, category, region, producerId, ...page } = c.req.valid("query");
        return respond(
          c,
          pipe(
            plans.listPlans(readerOf(c), {
              page: pageOf(page),
              ...(status !== undefined ? { status } : {}),
              ...(category !== undefined ? { category } : {}),
              ...(region !== undefined ? { region } : {}),
              ...(producerId !== undefined ? { producerId } : {}),
            }),
            TE.map((found) => ({ ...found, items: found.items.map(planJson) })),
            TE.chain(pageWithPhotoUrls(photoUploads)),
            TE.chain((found) =>
              pipe(
                withProducers(people)(found.items),
                TE.map((items) => ({ ...found, items })),
              ),
            ),
          ),
        );
      },
    )
    .get(
      "/plans/:id",
      describeRoute({
        tags: ["plans"],
        summary: "A plan with its shares sold and remaining (drafts only for their producer)",
        responses: { 200: jsonResponse("The plan", PlanJsonSchema), ...problems(400, 404) },
      }),
      validate("param", IdParam),
      (c) =>
        respond(
          c,
          pipe(plans.getPlan(readerOf(c), { planId: c.req.valid("param").id }), TE.chain(shown)),
        ),
    )
    .patch(
      "/plans/:id",
      planAnswer(
        "Its producer edits a plan (everything while draft; presentation and prices once open)",
        400,
        401,
        403,
        404,
        409,
      ),
      requireActor,
      validate("param", IdParam),
      validate("header", IfMatch),
      validate("json", EditPlanBody),
      (c) => {
        const body = c.req.valid("json");
        const ifMatch = c.req.valid("header")["if-match"];
        return respond(
          c,
          pipe(
            plans.editPlan(c.var.actor, {
              planId: c.req.valid("param").id,
              // Grouped fields not sent are kept from the plan as the use case reads it.
              patch: (plan) => patchFromEdit(plan, body),
              ...(ifMatch !== undefined
                ? { expectedVersion: Number(ifMatch.replaceAll('"', "")) }
                : {}),
            }),
            shownPlan,
          ),
        );
      },
    )
    .post(
      "/plans/:id/publish",
      planAnswer("Its producer opens a draft for sale", 400, 401, 403, 404, 409),
      requireActor,
      validate("param", IdParam),
      (c) =>
        respond(
          c,
          pipe(plans.publishPlan(c.var.actor, { planId: c.req.valid("param").id }), shownPlan),
        ),
    )
    .post(
      "/plans/:id/close",
      planAnswer(
        "Its producer (or an admin) ends sales early (closing a closed plan answers it as it is)",
        400,
        401,
        403,
        404,
        409,
      ),
      requireActor,
      validate("param", IdParam),
      (c) =>
        respond(
          c,
          pipe(plans.closePlan(c.var.actor, { planId: c.req.valid("param").id }), shownPlan),
        ),
    )
    .post(
      "/plans/:id/cancel",
      describeRoute({
        tags: ["plans"],
        summary:
          "Its producer (or an admin) cancels a plan before shipping, saying why; every owner is told why and is refunded in full by the refund-cancelled-plans batch",
        description:
          "Idempotent: cancelling a cancelled plan answers it as it is (the first reason stands, nobody is told twice). refundedOwnerships is 0: the refunds are made by the refund-cancelled-plans batch, one per owner, their progress in GET /plans/{id}/money and, in owners, GET /plans/{id}/refund-progress.",
        security: BEARER,
        responses: {
          200: jsonResponse(
            "The cancelled plan (refundedOwnerships: 0, the refund batch refunds)",
            z.object({ plan: PlanJsonSchema, refundedOwnerships: Int }),
          ),
          ...problems(400, 401, 403, 404, 409),
        },
      }),
      requireActor,
      validate("param", IdParam),
      validate("json", CancelPlanBody),
      (c) =>
        respond(
          c,
          pipe(
            plans.cancelPlan(c.var.actor, {
              planId: c.req.valid("param").id,
              reason: c.req.valid("json").reason,
            }),
            TE.chain((result) =>
              pipe(
                shown(planView(result.plan)),
                TE.map((plan) => ({ plan, refundedOwnerships: result.refundedOwnerships })),
              ),
            ),
          ),
        ),
    )
    .get(
      "/plans/:id/quote",
      describeRoute({
        tags: ["plans"],
        summary: "What shares would cost now, shipped to a region (a preview, not a hold)",
        responses: { 200: jsonResponse("The quote", QuoteSchema), ...problems(400, 404, 409) },
      }),
      validate("param", IdParam),
      validate("query", QuoteQuery),
      (c) => {
        const { shares, shippingRegion } = c.req.valid("query");
        return respond(
          c,
          plans.quoteShares(readerOf(c), {
            planId: c.req.valid("param").id,
            shares,
            shippingRegion,
          }),
          200,
          quoteJson,
        );
      },
    )
    .post(
      "/plans/:id/photos",
      describeRoute({
        tags: ["plans", "uploads"],
        summary: "Its producer attaches an uploaded photo to a plan, after the upload is verified",
        security: BEARER,
        responses: {
          200: jsonResponse("The plan", PlanJsonSchema),
          ...problems(400, 401, 403, 404, 409),
        },
      }),
      requireActor,
      validate("param", IdParam),
      validate("json", z.strictObject({ key: Text(1, 256) })),
      (c) =>
        respond(
          c,
          pipe(
            plans.attachPlanPhoto(c.var.actor, {
              planId: c.req.valid("param").id,
              key: c.req.valid("json").key,
            }),
            shownPlan,
          ),
        ),
    )
    .delete(
      "/plans/:id/photos/:photoKey",
      describeRoute({
        tags: ["plans"],
        summary: "Its producer removes a photo from a plan (the key URL-encoded, slashes as %2F)",
        description:
          "Allowed whenever attaching is. Removing a key the plan does not have changes nothing and answers the plan as it is.",
        security: BEARER,
        responses: {
          200: jsonResponse("The plan", PlanJsonSchema),
          ...problems(400, 401, 403, 404, 409),
        },
      }),
      requireActor,
      validate("param", z.extend(IdParam, { photoKey: Text(1, 256) })),
      (c) =>
        respond(
          c,
          pipe(
            plans.removePlanPhoto(c.var.actor, {
              planId: c.req.valid("param").id,
              key: c.req.valid("param").photoKey,
            }),
            shownPlan,
          ),
        ),
    );
};
