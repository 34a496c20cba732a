import { createRoute, z } from "@hono/zod-openapi";
import type { BookingId, ExperienceBooking, ExperienceId, PlanId } from "@owners/domain";
import { seatsLeft } from "@owners/domain";
import type { ApiApp } from "../app.ts";
import type { UseCases } from "../composition/use-cases.ts";
import { signedIn } from "../http/handle.ts";
import { respond } from "../http/respond.ts";
import { addRoute } from "../http/route.ts";
import {
  BEARER,
  Id,
  IdParam,
  Instant,
  jsonBody,
  jsonResponse,
  PageOf,
  PageQuery,
  pageOf,
  problems,
  RequiredIdempotencyHeader,
} from "../http/schemas.ts";

const Experience = z
  .object({
    id: z.string(),
    planId: z.string(),
    producerId: z.string(),
    title: z.string(),
    startsAt: z.string(),
    capacity: z.number().int(),
    seatsBooked: z.number().int(),
    seatsLeft: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .openapi("Experience");

const Booking = z
  .object({
    id: z.string(),
    experienceId: z.string(),
    ownerId: z.string(),
    seats: z.number().int(),
    status: z.enum(["active", "cancelled"]),
    bookedAt: z.string(),
    cancelledAt: z.string().optional(),
    seatsLeft: z.number().int(),
  })
  .openapi("Booking");

const createRouteDef = createRoute({
  method: "post",
  path: "/plans/{id}/experiences",
  tags: ["experiences"],
  summary: "Its producer offers an on-site experience with a number of seats",
  security: BEARER,
  request: {
    params: IdParam,
    body: jsonBody(
      z
        .object({
          title: z.string().min(1).max(100),
          startsAt: Instant,
          capacity: z.number().int().min(1).max(10_000),
        })
        .strict(),
    ),
  },
  responses: {
    201: jsonResponse("The experience", Experience),
    ...problems(400, 401, 403, 404, 409),
  },
});

const listRoute = createRoute({
  method: "get",
  path: "/plans/{id}/experiences",
  tags: ["experiences"],
  summary: "A plan's experiences by start time, with seats left",
  request: { params: IdParam, query: PageQuery.strict() },
  responses: {
    200: jsonResponse("A page of experiences", PageOf(Experience, "ExperiencePage")),
    ...problems(400, 404),
  },
});

const bookRoute = createRoute({
  method: "post",
  path: "/experiences/{id}/bookings",
  tags: ["experiences"],
  summary: "An owner of the plan books seats (idempotent by the Idempotency-Key header)",
  security: BEARER,
  request: {
    params: IdParam,
    headers: RequiredIdempotencyHeader,
    body: jsonBody(z.object({ seats: z.number().int().min(1).max(10_000) }).strict()),
  },
  responses: { 201: jsonResponse("The booking", Booking), ...problems(400, 401, 403, 404, 409) },
});

const cancelRoute = createRoute({
  method: "delete",
  path: "/experiences/{id}/bookings/{bookingId}",
  tags: ["experiences"],
  summary: "Its owner cancels a booking before the experience starts",
  security: BEARER,
  request: {
    params: IdParam.extend({ bookingId: Id.openapi({ param: { name: "bookingId", in: "path" } }) }),
  },
  responses: {
    200: jsonResponse("The cancelled booking", Booking),
    ...problems(400, 401, 403, 404, 409),
  },
});

const bookingJson = (result: {
  readonly experience: { capacity: number; seatsBooked: number };
  readonly booking: ExperienceBooking;
}) => ({ ...result.booking, seatsLeft: seatsLeft(result.experience) });

export const registerExperienceRoutes = (app: ApiApp, { experiences }: UseCases): void => {
  addRoute(app, createRouteDef, (c) =>
    signedIn(
      c,
      (actor) =>
        experiences.createExperience(actor, {
          planId: c.req.valid("param").id as PlanId,
          ...c.req.valid("json"),
        }),
      201,
      (experience) => ({ ...experience, seatsLeft: seatsLeft(experience) }),
    ),
  );

  addRoute(app, listRoute, (c) =>
    respond(
      c,
      experiences.listExperiences(c.get("actor"), {
        planId: c.req.valid("param").id as PlanId,
        page: pageOf(c.req.valid("query")),
      }),
    ),
  );

  addRoute(app, bookRoute, (c) =>
    signedIn(
      c,
      (actor) =>
        experiences.bookExperience(actor, {
          experienceId: c.req.valid("param").id as ExperienceId,
          seats: c.req.valid("json").seats,
          idempotencyKey: c.req.valid("header")["idempotency-key"],
        }),
      201,
      bookingJson,
    ),
  );

  addRoute(app, cancelRoute, (c) => {
    const { id, bookingId } = c.req.valid("param");
    return signedIn(
      c,
      (actor) =>
        experiences.cancelBooking(actor, {
          experienceId: id as ExperienceId,
          bookingId: bookingId as BookingId,
        }),
      200,
      bookingJson,
    );
  });
};
