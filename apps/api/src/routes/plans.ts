import { type PlanView, planView } from "@owners/app";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import * as z from "zod/mini";
import type { ApiApp } from "../app.ts";
import type { UseCases } from "../composition/use-cases.ts";
import { readerOf, signedIn } from "../http/handle.ts";
import { pageWithPhotoUrls, withPhotoUrls } from "../http/photo-urls.ts";
import { verifyPhotos } from "../http/photos.ts";
import { respond } from "../http/respond.ts";
import { addRoute, createRoute } from "../http/route.ts";
import {
  BEARER,
  Id,
  IdParam,
  Int,
  jsonBody,
  jsonResponse,
  named,
  PageOf,
  PageQuery,
  pageOf,
  problems,
  Text,
  withDoc,
} from "../http/schemas.ts";
import { quoteJson } from "../views/ownership.ts";
import { planJson } from "../views/plan.ts";
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

const createPlanRoute = createRoute({
  method: "post",
  path: "/plans",
  tags: ["plans"],
  summary: "A producer drafts a plan (publish it to open sales)",
  security: BEARER,
  request: { body: jsonBody(CreatePlanBody) },
  responses: {
    201: jsonResponse("The draft plan", PlanJsonSchema),
    ...problems(400, 401, 403, 413),
  },
});

const listPlansRoute = createRoute({
  method: "get",
  path: "/plans",
  tags: ["plans"],
  summary: "Browse plans (open ones unless another status is asked for), newest first",
  request: {
    query: z.extend(PageQuery, {
      status: z.optional(PlanStatus),
      category: z.optional(Text(1, 40)),
      region: z.optional(Text(1, 40)),
      producerId: z.optional(Id),
    }),
  },
  responses: {
    200: jsonResponse("A page of plans", PageOf(PlanJsonSchema, "PlanPage")),
    ...problems(400, 403),
  },
});

const getPlanRoute = createRoute({
  method: "get",
  path: "/plans/{id}",
  tags: ["plans"],
  summary: "A plan with its shares sold and remaining (drafts only for their producer)",
  request: { params: IdParam },
  responses: { 200: jsonResponse("The plan", PlanJsonSchema), ...problems(400, 404) },
});

const IfMatch = z.object({
  "if-match": z.optional(
    withDoc(z.string().check(z.regex(/^"?\d{1,9}"?$/, "must be the plan's version")), {
      example: '"3"',
    }),
  ),
});

const editPlanRoute = createRoute({
  method: "patch",
  path: "/plans/{id}",
  tags: ["plans"],
  summary: "Its producer edits a plan (everything while draft; presentation and prices once open)",
  security: BEARER,
  request: { params: IdParam, headers: IfMatch, body: jsonBody(EditPlanBody) },
  responses: {
    200: jsonResponse("The plan", PlanJsonSchema),
    ...problems(400, 401, 403, 404, 409),
  },
});

const transitionRoute = (action: "publish" | "close", summary: string) =>
  createRoute({
    method: "post",
    path: `/plans/{id}/${action}`,
    tags: ["plans"],
    summary,
    security: BEARER,
    request: { params: IdParam },
    responses: {
      200: jsonResponse("The plan", PlanJsonSchema),
      ...problems(400, 401, 403, 404, 409),
    },
  });

const cancelPlanRoute = createRoute({
  method: "post",
  path: "/plans/{id}/cancel",
  tags: ["plans"],
  summary:
    "Its producer (or an admin) cancels a plan before shipping; every owner is refunded in full",
  security: BEARER,
  request: { params: IdParam },
  responses: {
    200: jsonResponse(
      "The cancelled plan and how many ownerships this call refunded",
      z.object({ plan: PlanJsonSchema, refundedOwnerships: Int }),
    ),
    ...problems(400, 401, 403, 404, 409),
  },
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
    totalYen: Int,
  }),
);

const quoteRoute = createRoute({
  method: "get",
  path: "/plans/{id}/quote",
  tags: ["plans"],
  summary: "What shares would cost now, shipped to a region (a preview, not a hold)",
  request: {
    params: IdParam,
    query: z.strictObject({
      shares: z.coerce.number().check(z.int(), z.gte(1), z.lte(1_000_000)),
      shippingRegion: Text(1, 40),
    }),
  },
  responses: { 200: jsonResponse("The quote", QuoteSchema), ...problems(400, 404, 409) },
});

const attachPhotoRoute = createRoute({
  method: "post",
  path: "/plans/{id}/photos",
  tags: ["plans", "uploads"],
  summary: "Its producer attaches an uploaded photo to a plan, after the upload is verified",
  security: BEARER,
  request: {
    params: IdParam,
    body: jsonBody(z.strictObject({ key: Text(1, 256) })),
  },
  responses: {
    200: jsonResponse("The plan", PlanJsonSchema),
    ...problems(400, 401, 403, 404, 409),
  },
});

export const registerPlanRoutes = (app: ApiApp, useCases: UseCases): void => {
  const { plans, photoUploads } = useCases;
  /** A plan as shown: its JSON and a download URL per photo. */
  const shown = (view: PlanView) => withPhotoUrls(photoUploads)(planJson(view));

  addRoute(app, createPlanRoute, (c) => {
    const body = c.req.valid("json");
    return signedIn(
      c,
      (actor) =>
        pipe(
          verifyPhotos(photoUploads, actor, body.photoKeys ?? []),
          TE.chain(() =>
            plans.createPlan(actor, {
              terms: termsFromCreate(body),
              ...(body.producerId !== undefined ? { producerId: body.producerId } : {}),
            }),
          ),
          TE.chain((plan) => shown(planView(plan))),
        ),
      201,
    );
  });

  addRoute(app, listPlansRoute, (c) => {
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
      ),
      200,
    );
  });

  addRoute(app, getPlanRoute, (c) =>
    respond(
      c,
      pipe(plans.getPlan(readerOf(c), { planId: c.req.valid("param").id }), TE.chain(shown)),
      200,
    ),
  );

  addRoute(app, editPlanRoute, (c) => {
    const { id } = c.req.valid("param");
    const body = c.req.valid("json");
    const ifMatch = c.req.valid("header")["if-match"];
    return signedIn(
      c,
      (actor) =>
        pipe(
          // An edit that changes nothing is the use case's own check that the caller may edit.
          plans.editPlan(actor, { planId: id, patch: {} }),
          TE.chainFirst((plan) =>
            verifyPhotos(photoUploads, actor, body.photoKeys ?? [], plan.photoKeys),
          ),
          TE.chain((plan) =>
            plans.editPlan(actor, {
              planId: id,
              patch: patchFromEdit(plan, body),
              // The grouped fields were merged from this read: a write over a newer plan is a conflict.
              expectedVersion:
                ifMatch !== undefined ? Number(ifMatch.replaceAll('"', "")) : plan.version,
            }),
          ),
          TE.chain((plan) => shown(planView(plan))),
        ),
      200,
    );
  });

  addRoute(app, transitionRoute("publish", "Its producer opens a draft for sale"), (c) =>
    signedIn(
      c,
      (actor) =>
        pipe(
          plans.publishPlan(actor, { planId: c.req.valid("param").id }),
          TE.chain((p) => shown(planView(p))),
        ),
      200,
    ),
  );

  addRoute(app, transitionRoute("close", "Its producer (or an admin) ends sales early"), (c) =>
    signedIn(
      c,
      (actor) =>
        pipe(
          plans.closePlan(actor, { planId: c.req.valid("param").id }),
          TE.chain((p) => shown(planView(p))),
        ),
      200,
    ),
  );

  addRoute(app, cancelPlanRoute, (c) =>
    signedIn(
      c,
      (actor) =>
        pipe(
          plans.cancelPlan(actor, { planId: c.req.valid("param").id }),
          TE.chain((result) =>
            pipe(
              shown(planView(result.plan)),
              TE.map((plan) => ({ plan, refundedOwnerships: result.refundedOwnerships })),
            ),
          ),
        ),
      200,
    ),
  );

  addRoute(app, quoteRoute, (c) => {
    const { shares, shippingRegion } = c.req.valid("query");
    return respond(
      c,
      plans.quoteShares(readerOf(c), { planId: c.req.valid("param").id, shares, shippingRegion }),
      200,
      quoteJson,
    );
  });

  addRoute(app, attachPhotoRoute, (c) => {
    const { id } = c.req.valid("param");
    const { key } = c.req.valid("json");
    return signedIn(
      c,
      (actor) =>
        pipe(
          // An edit that changes nothing is the use case's own check that the caller may edit.
          plans.editPlan(actor, { planId: id, patch: {} }),
          TE.chainFirst((plan) => verifyPhotos(photoUploads, actor, [key], plan.photoKeys)),
          TE.chain((plan) =>
            plans.editPlan(actor, {
              planId: id,
              patch: {
                photoKeys: plan.photoKeys.includes(key) ? plan.photoKeys : [...plan.photoKeys, key],
              },
              expectedVersion: plan.version,
            }),
          ),
          TE.chain((plan) => shown(planView(plan))),
        ),
      200,
    );
  });
};
