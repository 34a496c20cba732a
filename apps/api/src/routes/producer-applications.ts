import type { ProducerApplication } from "@owners/domain";
import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import * as z from "zod/mini";
import type { UseCases } from "../composition/use-cases.ts";
import type { ApiEnv } from "../http/env.ts";
import { respond } from "../http/respond.ts";
import {
  BEARER,
  Id,
  jsonResponse,
  NoQuery,
  named,
  pageQueryShape,
  problems,
  Text,
  withDoc,
} from "../http/schemas.ts";
import { requireActor } from "../http/signed-in.ts";
import { validate } from "../http/validation.ts";
import { PRODUCER_DASHBOARD_PATH, siteOrigin } from "./payouts.ts";

/** The shape only: lengths and formats are the domain's, which names every failing field. */
const DisclosureSchema = named(
  "SellerDisclosure",
  withDoc(
    z.strictObject({
      legalName: Text(0, 2000),
      address: Text(0, 2000),
      phone: Text(0, 2000),
      email: Text(0, 2000),
      responsiblePerson: Text(0, 2000),
      pricesAndFees: Text(0, 2000),
      deliveryTime: Text(0, 2000),
      returnsAndCancellation: Text(0, 2000),
    }),
    { description: "特定商取引法に基づく表記: what the law requires an online seller to show" },
  ),
);

const ApplicationBody = named(
  "ProducerApplicationRequest",
  z.strictObject({
    farmName: Text(0, 2000),
    prefecture: Text(0, 2000),
    products: z.array(Text(0, 2000)).check(z.maxLength(100)),
    story: Text(0, 10_000),
    disclosure: DisclosureSchema,
  }),
);

const ApplicationSchema = named(
  "ProducerApplication",
  z.object({
    id: z.string(),
    applicantId: z.string(),
    status: z.enum(["pending", "approved", "rejected", "withdrawn"]),
    farmName: z.string(),
    prefecture: z.string(),
    products: z.array(z.string()),
    story: z.string(),
    disclosure: DisclosureSchema,
    submittedAt: z.string(),
    decidedAt: z.optional(z.string()),
    decidedBy: z.optional(z.string()),
    rejectionReason: z.optional(z.string()),
    version: z.int(),
  }),
);

const ApplicationListSchema = named(
  "ProducerApplicationList",
  z.object({ applications: z.array(ApplicationSchema), nextCursor: z.optional(z.string()) }),
);

const ListQuery = z.strictObject({
  status: z._default(z.enum(["pending", "approved", "rejected", "withdrawn"]), "pending"),
  ...pageQueryShape,
});

const RejectBody = named("RejectApplicationRequest", z.strictObject({ reason: Text(0, 2000) }));

const applicationJson = (a: ProducerApplication) => ({ ...a, products: [...a.products] });

/** The applicant's own view: which admin decided is the platform's business. */
const mineJson = (a: ProducerApplication) => {
  const { decidedBy: _decidedBy, ...mine } = applicationJson(a);
  return mine;
};

/**
 * Becoming a producer: an owner applies with its farm and seller disclosure, admins approve
 * (the person joins `producers`, gets a profile and starts payout onboarding) or reject with a
 * reason; the applicant is told either way.
 */
export const producerApplicationRoutes = ({
  producerApplications,
}: Pick<UseCases, "producerApplications">) =>
  new Hono<ApiEnv>()
    .post(
      "/producer-applications",
      describeRoute({
        tags: ["producers"],
        summary: "An owner applies to sell as a producer (one pending application at a time)",
        security: BEARER,
        responses: {
          201: jsonResponse("The pending application", ApplicationSchema),
          ...problems(400, 401, 403, 409, 503),
        },
      }),
      requireActor,
      validate("json", ApplicationBody),
      (c) =>
        respond(c, producerApplications.apply(c.var.actor, c.req.valid("json")), 201, mineJson),
    )
    .get(
      "/producer-applications/mine",
      describeRoute({
        tags: ["producers"],
        summary: "The signed-in person's own application and its decision (404 before applying)",
        security: BEARER,
        responses: {
          200: jsonResponse("The application", ApplicationSchema),
          ...problems(400, 401, 404, 503),
        },
      }),
      requireActor,
      validate("query", NoQuery),
      (c) => respond(c, producerApplications.mine(c.var.actor), 200, mineJson),
    )
    .get(
      "/admin/producer-applications",
      describeRoute({
        tags: ["admin"],
        summary: "Admins list applications by status (pending by default), oldest first",
        security: BEARER,
        responses: {
          200: jsonResponse("A page of applications", ApplicationListSchema),
          ...problems(400, 401, 403, 503),
        },
      }),
      requireActor,
      validate("query", ListQuery),
      (c) => {
        const { status, cursor, limit } = c.req.valid("query");
        return respond(
          c,
          producerApplications.list(c.var.actor, {
            status,
            ...(cursor === undefined ? {} : { cursor }),
            ...(limit === undefined ? {} : { limit }),
          }),
          200,
          (page) => ({
            applications: page.items.map(applicationJson),
            ...(page.nextCursor === undefined ? {} : { nextCursor: page.nextCursor }),
          }),
        );
      },
    )
    .post(
      "/admin/producer-applications/:id/approve",
      describeRoute({
        tags: ["admin"],
        summary:
          "An admin approves: the applicant joins producers, gets a profile, starts payout onboarding and is told",
        description:
          "Approving an approved application again finishes what a failed attempt left undone and changes nothing else.",
        security: BEARER,
        responses: {
          200: jsonResponse("The approved application", ApplicationSchema),
          ...problems(400, 401, 403, 404, 409, 503),
        },
      }),
      requireActor,
      validate("param", z.object({ id: Id })),
      (c) => {
        const origin = siteOrigin(c.req.header("origin"), c.req.url);
        const dashboard = `${origin}${PRODUCER_DASHBOARD_PATH}`;
        return respond(
          c,
          producerApplications.approve(c.var.actor, {
            id: c.req.valid("param").id,
            onboardingUrls: { returnUrl: dashboard, refreshUrl: dashboard },
          }),
          200,
          applicationJson,
        );
      },
    )
    .post(
      "/admin/producer-applications/:id/reject",
      describeRoute({
        tags: ["admin"],
        summary: "An admin rejects with a reason the applicant reads (it may apply again)",
        security: BEARER,
        responses: {
          200: jsonResponse("The rejected application", ApplicationSchema),
          ...problems(400, 401, 403, 404, 409, 503),
        },
      }),
      requireActor,
      validate("param", z.object({ id: Id })),
      validate("json", RejectBody),
      (c) =>
        respond(
          c,
          producerApplications.reject(c.var.actor, {
            id: c.req.valid("param").id,
            reason: c.req.valid("json").reason,
          }),
          200,
          applicationJson,
        ),
    );
