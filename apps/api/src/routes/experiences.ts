import type { BookingId, ExperienceBooking, ExperienceId, PlanId } from "@owners/domain";
import { seatsLeft } from "@owners/domain";
import * as z from "zod/mini";
import type { ApiApp } from "../app.ts";
import type { UseCases } from "../composition/use-cases.ts";
import { signedIn } from "../http/handle.ts";
import { respond } from "../http/respond.ts";
import { addRoute, createRoute } from "../http/route.ts";
import {
  BEARER,
  Count,
  Id,
  IdParam,
  Instant,
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

const Experience = named(
  "Experience",
  z.object({
    id: z.string(),
    planId: z.string(),
    producerId: z.string(),
    title: z.string(),
    startsAt: z.string(),
    capacity: Int,
    seatsBooked: Int,
    seatsLeft: Int,
    createdAt: z.string(),
    updatedAt: z.string(),
    version: Int,
  }),
);

const Booking = named(
  "Booking",
  z.object({
    id: z.string(),
    experienceId: z.string(),
    ownerId: z.string(),
    seats: Int,
    status: z.enum(["active", "cancelled"]),
    bookedAt: z.string(),
    cancelledAt: z.optional(z.string()),
    seatsLeft: Int,
  }),
);

const createRouteDef = createRoute({
  method: "post",
  path: "/plans/{id}/experiences",
  tags: ["experiences"],
  summary: "Its producer offers an on-site experience with a number of seats",
  security: BEARER,
  request: {
    params: IdParam,
    body: jsonBody(
      z.strictObject({
        title: Text(1, 100),
        startsAt: Instant,
        capacity: Count(10_000),
      }),
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
  request: { params: IdParam, query: PageQuery },
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
    body: jsonBody(z.strictObject({ seats: Count(10_000) })),
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
    params: z.extend(IdParam, { bookingId: Id }),
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
