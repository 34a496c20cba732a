import { GetCommand, PutCommand, TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import { type AppError, appError, type BookOutcome, type ExperienceStore } from "@owners/app";
import {
  domainError,
  type Experience,
  type ExperienceBooking,
  type OwnerId,
  type PlanId,
} from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { batchGetAll } from "./batch-write.ts";
import type { DynamoContext } from "./client.ts";
import { conditionalWrite, transaction } from "./conditional-write.ts";
import { isConditionFailed } from "./dynamo-errors.ts";
import { attempt, queryPage } from "./dynamo-query.ts";
import {
  bookingFromItem,
  bookingToItem,
  experienceFromItem,
  experienceToItem,
} from "./experience-mapper.ts";
import { experienceKeys } from "./harvest-keys.ts";
import type { Item } from "./item.ts";
import { type ItemKey, ownershipKeys } from "./reservation-keys.ts";

/** A condition on another item that must hold for a booking: that the owner owns the plan. */
export interface OwnerGuard {
  readonly Key: ItemKey;
  readonly ConditionExpression: string;
  readonly ExpressionAttributeNames?: Record<string, string>;
  readonly ExpressionAttributeValues?: Record<string, unknown>;
}

/**
 * The reservation slice's per-owner counter of the plan's paid shares is above zero (an unpaid
 * hold makes nobody an owner): the same item its payments and cancellations update atomically.
 */
export const activeOwnerGuard = (planId: PlanId, ownerId: OwnerId): OwnerGuard => ({
  Key: ownershipKeys.ownerShares(planId, ownerId),
  ConditionExpression: "#shares > :zero",
  ExpressionAttributeNames: { "#shares": "activeShares" },
  ExpressionAttributeValues: { ":zero": 0 },
});

export interface DynamoExperienceStoreOptions {
  readonly ownerGuard?: (planId: PlanId, ownerId: OwnerId) => OwnerGuard;
}

const notFound = (experienceId: string) =>
  appError("EXPERIENCE.NOT_FOUND", "no such experience", { experienceId });

/**
 * Experiences and their bookings share the experience's partition. A booking is one
 * TransactWriteItems: the experience's counters move only if it has not started and
 * seatsLeft >= seats, the booking is put only if its id is new, and the owner's share counter is
 * checked (ConditionCheck) in the same transaction, so concurrent bookings never overbook and a
 * cancelled ownership cannot book. Conflicting transactions are retried with backoff.
 */
export const makeDynamoExperienceStore = (
  ctx: DynamoContext,
  options: DynamoExperienceStoreOptions = {},
): ExperienceStore => {
  const guard = options.ownerGuard ?? activeOwnerGuard;
  const getExperience = (id: string) =>
    pipe(
      attempt(() =>
        ctx.doc.send(
          new GetCommand({
            TableName: ctx.tableName,
            Key: experienceKeys.item(id),
            ConsistentRead: true,
          }),
        ),
      ),
      TE.map((output) =>
        O.map(experienceFromItem)(O.fromNullable(output.Item as Item | undefined)),
      ),
    );
  const requireExperience = (id: string) =>
    pipe(
      getExperience(id),
      TE.chain(O.match(() => TE.left<AppError, Experience>(notFound(id)), TE.right)),
    );

  const book: ExperienceStore["book"] = ({ booking, planId, now }) => {
    const owner = guard(planId, booking.ownerId);
    return pipe(
      transaction(
        async (): Promise<"booked" | ExperienceBooking> => {
          await ctx.doc.send(
            new TransactWriteCommand({
              TransactItems: [
                {
                  Update: {
                    TableName: ctx.tableName,
                    Key: experienceKeys.item(booking.experienceId),
                    UpdateExpression:
                      "SET seatsBooked = seatsBooked + :n, seatsLeft = seatsLeft - :n, #version = #version + :one, updatedAt = :now",
                    ConditionExpression:
                      "attribute_exists(PK) AND startsAt > :now AND seatsLeft >= :n",
                    ExpressionAttributeNames: { "#version": "version" },
                    ExpressionAttributeValues: { ":n": booking.seats, ":one": 1, ":now": now },
                    ReturnValuesOnConditionCheckFailure: "ALL_OLD",
                  },
                },
                {
                  Put: {
                    TableName: ctx.tableName,
                    Item: bookingToItem(booking),
                    ConditionExpression: "attribute_not_exists(PK)",
                    ReturnValuesOnConditionCheckFailure: "ALL_OLD",
                  },
                },
                { ConditionCheck: { TableName: ctx.tableName, ...owner } },
              ],
            }),
          );
          return "booked";
        },
        (reasons): E.Either<AppError, "booked" | ExperienceBooking> => {
          const [experience, existing, ownership] = reasons;
          if (isConditionFailed(existing) && existing?.item !== undefined)
            return E.right(bookingFromItem(existing.item));
          if (isConditionFailed(experience)) {
            const old = experience?.item;
            if (old === undefined) return E.left(notFound(booking.experienceId));
            if ((old.startsAt as string) <= now)
              return E.left(
                domainError("EXPERIENCE.CLOSED", "the experience has already started", {
                  experienceId: booking.experienceId,
                  startsAt: old.startsAt,
                }),
              );
            return E.left(
              domainError("EXPERIENCE.FULL", `only ${old.seatsLeft as number} seats are left`, {
                experienceId: booking.experienceId,
                remaining: old.seatsLeft,
                requested: booking.seats,
              }),
            );
          }
          if (isConditionFailed(ownership))
            return E.left(
              domainError(
                "EXPERIENCE.NOT_OWNER",
                "only owners of the plan may book this experience",
                {
                  experienceId: booking.experienceId,
                  planId,
                },
              ),
            );
          return E.left(
            appError("STORE.UNAVAILABLE", "the booking was refused for no known reason"),
          );
        },
      ),
      TE.chain((result) =>
        pipe(
          requireExperience(booking.experienceId),
          TE.map(
            (experience): BookOutcome =>
              result === "booked"
                ? { kind: "booked", experience, booking }
                : { kind: "replayed", experience, booking: result },
          ),
        ),
      ),
    );
  };

  return {
    create: (experience) =>
      pipe(
        conditionalWrite(
          async () => {
            await ctx.doc.send(
              new PutCommand({
                TableName: ctx.tableName,
                Item: experienceToItem(experience),
                ConditionExpression: "attribute_not_exists(PK)",
              }),
            );
          },
          () =>
            E.left(
              appError("STORE.DUPLICATE", "an experience with this id exists", {
                experienceId: experience.id,
              }),
            ),
        ),
        TE.map(() => experience),
      ),
    get: getExperience,
    // BatchGetItem, 100 keys a request: an owner's page of bookings names at most 100 experiences.
    getMany: (ids) =>
      pipe(
        batchGetAll(
          ctx,
          [...new Set(ids)].map((id) => experienceKeys.item(id)),
        ),
        TE.map((items) => items.map(experienceFromItem)),
      ),
    listByPlan: (planId, page) =>
      queryPage(
        ctx,
        {
          IndexName: "GSI1",
          KeyConditionExpression: "GSI1PK = :pk",
          ExpressionAttributeValues: { ":pk": experienceKeys.ofPlan(planId) },
        },
        page,
        `experiences:${planId}`,
        experienceFromItem,
      ),
    book,
    cancel: ({ booking, expectedVersion, now }) =>
      pipe(
        transaction(
          () =>
            ctx.doc.send(
              new TransactWriteCommand({
                TransactItems: [
                  {
                    Put: {
                      TableName: ctx.tableName,
                      Item: bookingToItem(booking),
                      ConditionExpression:
                        "#version = :expected AND #status = :active AND seats = :n",
                      ExpressionAttributeNames: { "#version": "version", "#status": "status" },
                      ExpressionAttributeValues: {
                        ":expected": expectedVersion,
                        ":active": "active",
                        ":n": booking.seats,
                      },
                      ReturnValuesOnConditionCheckFailure: "ALL_OLD",
                    },
                  },
                  {
                    Update: {
                      TableName: ctx.tableName,
                      Key: experienceKeys.item(booking.experienceId),
                      UpdateExpression:
                        "SET seatsBooked = seatsBooked - :n, seatsLeft = seatsLeft + :n, #version = #version + :one, updatedAt = :now",
                      ConditionExpression: "attribute_exists(PK)",
                      ExpressionAttributeNames: { "#version": "version" },
                      ExpressionAttributeValues: { ":n": booking.seats, ":one": 1, ":now": now },
                    },
                  },
                ],
              }),
            ),
          (reasons): E.Either<AppError, never> => {
            const [stored, experience] = reasons;
            if (isConditionFailed(stored))
              return E.left(
                stored?.item === undefined
                  ? appError("BOOKING.NOT_FOUND", "no such booking", { bookingId: booking.id })
                  : appError("STORE.VERSION_CONFLICT", "the booking changed since it was read", {
                      bookingId: booking.id,
                      expectedVersion,
                    }),
              );
            if (isConditionFailed(experience)) return E.left(notFound(booking.experienceId));
            return E.left(
              appError("STORE.UNAVAILABLE", "the cancellation was refused for no known reason"),
            );
          },
        ),
        TE.chain(() => requireExperience(booking.experienceId)),
        TE.map((experience) => ({ experience, booking })),
      ),
    getBooking: (experienceId, bookingId) =>
      pipe(
        attempt(() =>
          ctx.doc.send(
            new GetCommand({
              TableName: ctx.tableName,
              Key: experienceKeys.booking(experienceId, bookingId),
              ConsistentRead: true,
            }),
          ),
        ),
        TE.map((output) => O.map(bookingFromItem)(O.fromNullable(output.Item as Item | undefined))),
      ),
    listBookings: (experienceId, page) =>
      queryPage(
        ctx,
        {
          KeyConditionExpression: "PK = :pk AND begins_with(SK, :prefix)",
          ExpressionAttributeValues: {
            ":pk": experienceKeys.item(experienceId).PK,
            ":prefix": experienceKeys.bookingPrefix,
          },
          ConsistentRead: true,
        },
        page,
        `bookings:${experienceId}`,
        bookingFromItem,
      ),
    listBookingsByOwner: (ownerId, page) =>
      queryPage(
        ctx,
        {
          IndexName: "GSI1",
          KeyConditionExpression: "GSI1PK = :pk",
          ExpressionAttributeValues: { ":pk": experienceKeys.bookingsOfOwner(ownerId) },
          ScanIndexForward: false,
        },
        page,
        `bookings:owner:${ownerId}`,
        bookingFromItem,
      ),
  };
};
