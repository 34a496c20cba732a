import { experienceView } from "@owners/app";
import type { BookingId, ExperienceId, PlanId } from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { Hono } from "hono";
import { describeRoute, resolver } from "hono-openapi";
import * as z from "zod/mini";
import type { UseCases } from "../composition/use-cases.ts";
import type { ApiEnv } from "../http/env.ts";
import { problemFor, respond } from "../http/respond.ts";
import {
  BEARER,
  Count,
  Id,
  IdParam,
  Instant,
  Int,
  jsonResponse,
  NoQuery,
  named,
  PageOf,
  PageQuery,
  pageOf,
  problems,
  RequiredIdempotencyHeader,
  Text,
  Yen,
} from "../http/schemas.ts";
import { requireActor } from "../http/signed-in.ts";
import { validate } from "../http/validation.ts";
import { bookingJson, bookingMoneyJson } from "../views/experience.ts";

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
    location: z.optional(z.string()),
    /** What one seat costs (yen), paid at booking; absent: free. */
    priceYenPerSeat: z.optional(Int),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: Int,
  }),
);

/** pending_payment: a paid experience's seats held until its checkout is paid (or ends). */
const BookingStatus = z.enum(["pending_payment", "active", "cancelled"]);

const BookingPayment = z.object({
  status: z.enum(["pending", "succeeded"]),
  /** The processor's page to pay on, while the payment is pending. */
  checkoutUrl: z.optional(z.string()),
  expiresAt: z.string(),
  /** Whether the money went back, or is committed to (a paid booking cancelled). */
  refunded: z.boolean(),
});

const Booking = named(
  "Booking",
  z.object({
    id: z.string(),
    experienceId: z.string(),
    ownerId: z.string(),
    seats: Int,
    status: BookingStatus,
    bookedAt: z.string(),
    cancelledAt: z.optional(z.string()),
    amountYen: z.optional(Int),
    holdExpiresAt: z.optional(z.string()),
    payment: z.optional(BookingPayment),
    seatsLeft: Int,
  }),
);

const BookingsOfExperience = named(
  "ExperienceBookings",
  z.object({
    bookings: z.array(
      z.object({
        bookingId: z.string(),
        ownerId: z.string(),
        displayName: z.nullable(z.string()),
        seats: Int,
        status: BookingStatus,
        bookedAt: z.string(),
        amountYen: z.optional(Int),
      }),
    ),
    nextCursor: z.optional(z.string()),
  }),
);

const MyBookings = named(
  "MyBookings",
  z.object({
    bookings: z.array(
      z.object({
        bookingId: z.string(),
        experienceId: z.string(),
        planId: z.string(),
        title: z.string(),
        startsAt: z.string(),
        location: z.optional(z.string()),
        seats: Int,
        status: BookingStatus,
        bookedAt: z.string(),
        cancelledAt: z.optional(z.string()),
        amountYen: z.optional(Int),
        payment: z.optional(BookingPayment),
      }),
    ),
    nextCursor: z.optional(z.string()),
  }),
);

const ExperienceBody = z.strictObject({
  title: Text(1, 100),
  startsAt: Instant,
  capacity: Count(10_000),
  /** Where owners meet: shown to them with the experience. */
  location: z.optional(z.string().check(z.maxLength(200))),
  /** What one seat costs in yen (0 or left out: free), paid through checkout at booking. */
  priceYenPerSeat: z.optional(Yen.check(z.lte(100_000))),
});

const EditExperienceBody = z.strictObject({
  title: z.optional(Text(1, 100)),
  startsAt: z.optional(Instant),
  capacity: z.optional(Count(10_000)),
  location: z.optional(z.string().check(z.maxLength(200))),
  /** A new seat price for bookings from now on (0: free); booked seats keep theirs. */
  priceYenPerSeat: z.optional(Yen.check(z.lte(100_000))),
});

/** On-site experiences: offering one, listing them, booking and cancelling seats. */
export const experienceRoutes = ({ experiences }: Pick<UseCases, "experiences">) =>
  new Hono<ApiEnv>()
    .get(
      "/me/bookings",
      describeRoute({
        tags: ["experiences"],
        summary: "The signed-in owner's experience bookings (active and cancelled), newest first",
        security: BEARER,
        responses: {
          200: jsonResponse("A page of bookings with their experience", MyBookings),
          ...problems(400, 401, 403),
        },
      }),
      requireActor,
      validate("query", PageQuery),
      (c) =>
        respond(
          c,
          experiences.listMyBookings(c.var.actor, { page: pageOf(c.req.valid("query")) }),
          200,
          (page) => ({
            bookings: page.items.map(({ booking, experience }) => ({
              bookingId: booking.id,
              experienceId: booking.experienceId,
              planId: experience.planId,
              title: experience.title,
              startsAt: experience.startsAt,
              ...(experience.location === undefined ? {} : { location: experience.location }),
              seats: booking.seats,
              status: booking.status,
              bookedAt: booking.bookedAt,
              ...(booking.cancelledAt === undefined ? {} : { cancelledAt: booking.cancelledAt }),
              ...bookingMoneyJson(booking),
            })),
            ...(page.nextCursor === undefined ? {} : { nextCursor: page.nextCursor }),
          }),
        ),
    )
    .post(
      "/plans/:id/experiences",
      describeRoute({
        tags: ["experiences"],
        summary: "Its producer offers an on-site experience with a number of seats",
        security: BEARER,
        responses: {
          201: jsonResponse("The experience", Experience),
          ...problems(400, 401, 403, 404, 409),
        },
      }),
      requireActor,
      validate("param", IdParam),
      validate("json", ExperienceBody),
      (c) =>
        respond(
          c,
          experiences.createExperience(c.var.actor, {
            planId: c.req.valid("param").id as PlanId,
            ...c.req.valid("json"),
          }),
          201,
          experienceView,
        ),
    )
    .patch(
      "/experiences/:id",
      describeRoute({
        tags: ["experiences"],
        summary: "Its plan's producer edits an experience (title, start, seats, meeting point)",
        description:
          "Before it starts; the capacity never drops below the seats booked. An empty location removes it.",
        security: BEARER,
        responses: {
          200: jsonResponse("The experience", Experience),
          ...problems(400, 401, 403, 404, 409),
        },
      }),
      requireActor,
      validate("param", IdParam),
      validate("json", EditExperienceBody),
      (c) =>
        respond(
          c,
          experiences.editExperience(c.var.actor, {
            experienceId: c.req.valid("param").id as ExperienceId,
            ...c.req.valid("json"),
          }),
          200,
          experienceView,
        ),
    )
    .get(
      "/plans/:id/experiences",
      describeRoute({
        tags: ["experiences"],
        summary: "A plan's experiences by start time, with seats left",
        responses: {
          200: jsonResponse("A page of experiences", PageOf(Experience, "ExperiencePage")),
          ...problems(400, 404),
        },
      }),
      validate("param", IdParam),
      validate("query", PageQuery),
      (c) =>
        respond(
          c,
          experiences.listExperiences(c.get("actor"), {
            planId: c.req.valid("param").id as PlanId,
            page: pageOf(c.req.valid("query")),
          }),
        ),
    )
    .post(
      "/experiences/:id/bookings",
      describeRoute({
        tags: ["experiences"],
        summary: "An owner of the plan books seats (idempotent by the Idempotency-Key header)",
        description:
          "A paid experience's seats are held as pending_payment with a checkout to pay on (payment.checkoutUrl) until the hold ends; they become active once paid.",
        security: BEARER,
        responses: {
          201: jsonResponse("The booking", Booking),
          ...problems(400, 401, 403, 404, 409),
        },
      }),
      requireActor,
      validate("param", IdParam),
      validate("header", RequiredIdempotencyHeader),
      validate("json", z.strictObject({ seats: Count(10_000) })),
      (c) =>
        respond(
          c,
          experiences.bookExperience(c.var.actor, {
            experienceId: c.req.valid("param").id as ExperienceId,
            seats: c.req.valid("json").seats,
            idempotencyKey: c.req.valid("header")["idempotency-key"],
          }),
          201,
          bookingJson,
        ),
    )
    .get(
      "/experiences/:id/bookings",
      describeRoute({
        tags: ["experiences"],
        summary: "Its plan's producer (or an admin) lists an experience's bookings, with names",
        description:
          "Active and cancelled bookings; displayName is the owner's own (null when it set none).",
        security: BEARER,
        responses: {
          200: jsonResponse("A page of bookings", BookingsOfExperience),
          ...problems(400, 401, 403, 404),
        },
      }),
      requireActor,
      validate("param", IdParam),
      validate("query", PageQuery),
      (c) =>
        respond(
          c,
          pipe(
            experiences.listExperienceBookings(c.var.actor, {
              experienceId: c.req.valid("param").id,
              page: pageOf(c.req.valid("query")),
            }),
            TE.map(({ items, nextCursor }) => ({
              bookings: items,
              ...(nextCursor !== undefined ? { nextCursor } : {}),
            })),
          ),
        ),
    )
    .get(
      "/experiences/:id/bookings.csv",
      describeRoute({
        tags: ["experiences"],
        summary: "The same bookings, every one, as a CSV file (formula-safe) for its producer",
        security: BEARER,
        responses: {
          200: {
            description: "CSV, one row per booking",
            content: { "text/csv": { schema: resolver(z.string()) } },
          },
          ...problems(400, 401, 403, 404),
        },
      }),
      requireActor,
      validate("param", IdParam),
      validate("query", NoQuery),
      async (c) => {
        const result = await experiences.experienceBookingsCsv(c.var.actor, {
          experienceId: c.req.valid("param").id,
        })();
        if (E.isLeft(result)) return problemFor(c, result.left);
        return c.body(result.right.body, 200, {
          "content-type": result.right.contentType,
          "content-disposition": `attachment; filename="${result.right.filename}"`,
        });
      },
    )
    .delete(
      "/experiences/:id/bookings/:bookingId",
      describeRoute({
        tags: ["experiences"],
        summary: "Its owner cancels a booking before the experience starts",
        description:
          "A paid booking's full refund is committed with the cancellation and made right after it (a refund the processor refuses or fails later is retried by the hourly reconciliation and reported); an unpaid one's checkout is ended.",
        security: BEARER,
        responses: {
          200: jsonResponse("The cancelled booking", Booking),
          ...problems(400, 401, 403, 404, 409),
        },
      }),
      requireActor,
      validate("param", z.extend(IdParam, { bookingId: Id })),
      (c) => {
        const { id, bookingId } = c.req.valid("param");
        return respond(
          c,
          experiences.cancelBooking(c.var.actor, {
            experienceId: id as ExperienceId,
            bookingId: bookingId as BookingId,
          }),
          200,
          bookingJson,
        );
      },
    );
