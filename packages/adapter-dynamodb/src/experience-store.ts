import {
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from "@aws-sdk/lib-dynamodb";
import {
  type AppError,
  appError,
  type BookOutcome,
  type ExperienceStore,
  storeErrors,
} from "@owners/app";
import {
  domainError,
  type Experience,
  type ExperienceBooking,
  type Instant,
  type OutboxMessage,
  type OwnerId,
  type PlanId,
  type RefundIntent,
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
  bookingHoldMarker,
  bookingToItem,
  experienceFromItem,
  experienceToItem,
} from "./experience-mapper.ts";
import { experienceKeys } from "./harvest-keys.ts";
import type { Item } from "./item.ts";
import { outboxMessageToItem } from "./outbox-mapper.ts";
import { refundIntentToItem } from "./refund-intent-mapper.ts";
import { ownershipKeys } from "./reservation-keys.ts";

/**
 * The reservation slice's per-owner counter item of the plan: a booking needs its paid shares
 * above zero (an unpaid hold makes nobody an owner) and adds its seats to bookedSeats there, the
 * count an ownership cancel checks so that no booking outlives the owner's last paid share.
 */
const ownerSharesUpdate = (tableName: string, planId: PlanId, ownerId: OwnerId, delta: number) => ({
  Update: {
    TableName: tableName,
    Key: ownershipKeys.ownerShares(planId, ownerId),
    UpdateExpression: "SET bookedSeats = if_not_exists(bookedSeats, :zero) + :delta",
    ConditionExpression: delta > 0 ? "activeShares > :zero" : "attribute_exists(PK)",
    ExpressionAttributeValues: { ":zero": 0, ":delta": delta },
  },
});

/** The terms an edit left out are removed from the item (no meeting point, free again). */
const removals = (experience: Experience): string => {
  const gone = [
    ...(experience.location === undefined ? ["#location"] : []),
    ...(experience.priceYenPerSeat === undefined ? ["priceYenPerSeat"] : []),
  ];
  return gone.length === 0 ? "" : ` REMOVE ${gone.join(", ")}`;
};

const notFound = (experienceId: string) =>
  appError("EXPERIENCE.NOT_FOUND", "no such experience", { experienceId });

/**
 * Experiences and their bookings share the experience's partition. A booking is one
 * TransactWriteItems: the experience's counters move only if it has not started and
 * seatsLeft >= seats, the booking is put only if its id is new, the owner's seats on the
 * experience (OWNERSEATS item) stay within the plan's limit, and the owner's plan counter must
 * show paid shares (its bookedSeats goes up), with the notices, in the same transaction: so
 * concurrent bookings never overbook nor pass the limit, and a cancelled ownership cannot book.
 * Conflicting transactions are retried with backoff.
 */
export const makeDynamoExperienceStore = (ctx: DynamoContext): ExperienceStore => {
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

  const noticeItems = (notices: readonly OutboxMessage[] | undefined) =>
    (notices ?? []).map((message) => ({
      Put: { TableName: ctx.tableName, Item: outboxMessageToItem(message) },
    }));

  /** A paid booking's refund intent, created once (a second with its id fails the write). */
  const refundIntentPut = (intent: RefundIntent | undefined) =>
    intent === undefined
      ? []
      : [
          {
            Put: {
              TableName: ctx.tableName,
              Item: refundIntentToItem(intent),
              ConditionExpression: "attribute_not_exists(PK)",
            },
          },
        ];

  /** The hold marker's removal, once a paid booking is settled (nothing when it had none). */
  const holdMarkerDelete = (booking: ExperienceBooking) => {
    const marker = bookingHoldMarker(booking);
    return marker === undefined
      ? []
      : [{ Delete: { TableName: ctx.tableName, Key: { PK: marker.PK, SK: marker.SK } } }];
  };
  const versionConflict = (bookingId: string, expectedVersion: number) =>
    appError("STORE.VERSION_CONFLICT", "the booking changed since it was read", {
      bookingId,
      expectedVersion,
    });

  const book: ExperienceStore["book"] = ({ booking, planId, now, seatLimitPerOwner, notices }) => {
    // An unpaid hold is written with its marker, so the expiry sweep finds it by one Query.
    const marker = booking.status === "pending_payment" ? bookingHoldMarker(booking) : undefined;
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
                {
                  // The owner's seats on this experience stay within the plan's limit.
                  Update: {
                    TableName: ctx.tableName,
                    Key: experienceKeys.ownerSeats(booking.experienceId, booking.ownerId),
                    UpdateExpression: "SET seats = if_not_exists(seats, :zero) + :n",
                    ConditionExpression:
                      "(attribute_not_exists(seats) AND :n <= :limit) OR seats <= :room",
                    ExpressionAttributeValues: {
                      ":zero": 0,
                      ":n": booking.seats,
                      ":limit": seatLimitPerOwner,
                      ":room": seatLimitPerOwner - booking.seats,
                    },
                    ReturnValuesOnConditionCheckFailure: "ALL_OLD",
                  },
                },
                ownerSharesUpdate(ctx.tableName, planId, booking.ownerId, booking.seats),
                ...noticeItems(notices),
                ...(marker === undefined
                  ? []
                  : [{ Put: { TableName: ctx.tableName, Item: marker } }]),
              ],
            }),
          );
          return "booked";
        },
        (reasons): E.Either<AppError, "booked" | ExperienceBooking> => {
          const [experience, existing, ownerSeats, ownership] = reasons;
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
          if (isConditionFailed(ownerSeats)) {
            const held = (ownerSeats?.item?.seats as number | undefined) ?? 0;
            return E.left(
              domainError(
                "EXPERIENCE.OWNER_LIMIT",
                `an owner may book at most ${seatLimitPerOwner} seats of this experience`,
                {
                  experienceId: booking.experienceId,
                  limit: seatLimitPerOwner,
                  booked: held,
                  requested: booking.seats,
                },
              ),
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
    // Terms only: the counters are the stored ones (seatsLeft follows the new capacity).
    update: (experience, expectedVersion) =>
      pipe(
        conditionalWrite(
          async () => {
            const output = await ctx.doc.send(
              new UpdateCommand({
                TableName: ctx.tableName,
                Key: experienceKeys.item(experience.id),
                // Attribute names throughout: CAPACITY and LOCATION are reserved words.
                UpdateExpression: `SET #title = :title, #startsAt = :startsAt, #capacity = :capacity, seatsLeft = :capacity - seatsBooked, GSI1SK = :sort, updatedAt = :now, #version = :next${
                  experience.location === undefined ? "" : ", #location = :location"
                }${experience.priceYenPerSeat === undefined ? "" : ", priceYenPerSeat = :price"}${removals(experience)}`,
                ConditionExpression:
                  "attribute_exists(PK) AND #version = :expected AND seatsBooked <= :capacity",
                ExpressionAttributeNames: {
                  "#version": "version",
                  "#location": "location",
                  "#title": "title",
                  "#startsAt": "startsAt",
                  "#capacity": "capacity",
                },
                ExpressionAttributeValues: {
                  ":title": experience.title,
                  ":startsAt": experience.startsAt,
                  ":capacity": experience.capacity,
                  ":sort": experienceKeys.startSort(experience.startsAt, experience.id),
                  ":now": experience.updatedAt,
                  ":next": expectedVersion + 1,
                  ":expected": expectedVersion,
                  ...(experience.location === undefined
                    ? {}
                    : { ":location": experience.location }),
                  ...(experience.priceYenPerSeat === undefined
                    ? {}
                    : { ":price": experience.priceYenPerSeat }),
                },
                ReturnValues: "ALL_NEW",
                ReturnValuesOnConditionCheckFailure: "ALL_OLD",
              }),
            );
            return experienceFromItem(output.Attributes as Item);
          },
          (old) =>
            E.left(
              old === undefined
                ? notFound(experience.id)
                : appError("STORE.VERSION_CONFLICT", "the experience changed since it was read", {
                    experienceId: experience.id,
                    expectedVersion,
                  }),
            ),
        ),
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
    cancel: ({ booking, planId, expectedVersion, now, notices, refundIntent }) =>
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
                      // Paid or still waiting for its payment: either holds seats to give back.
                      ConditionExpression:
                        "#version = :expected AND #status IN (:active, :pending) AND seats = :n",
                      ExpressionAttributeNames: { "#version": "version", "#status": "status" },
                      ExpressionAttributeValues: {
                        ":expected": expectedVersion,
                        ":active": "active",
                        ":pending": "pending_payment",
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
                  {
                    Update: {
                      TableName: ctx.tableName,
                      Key: experienceKeys.ownerSeats(booking.experienceId, booking.ownerId),
                      UpdateExpression: "SET seats = seats - :n",
                      ConditionExpression: "seats >= :n",
                      ExpressionAttributeValues: { ":n": booking.seats },
                    },
                  },
                  ownerSharesUpdate(ctx.tableName, planId, booking.ownerId, -booking.seats),
                  // Fifth: its refund intent (a paid booking's), paid after this write.
                  ...refundIntentPut(refundIntent),
                  ...noticeItems(notices),
                  ...holdMarkerDelete(booking),
                ],
              }),
            ),
          (reasons): E.Either<AppError, never> => {
            const [stored, experience] = reasons;
            if (refundIntent !== undefined && isConditionFailed(reasons[4]))
              return E.left(storeErrors.duplicate("refund intent", refundIntent.id));
            if (isConditionFailed(stored))
              return E.left(
                stored?.item === undefined
                  ? appError("BOOKING.NOT_FOUND", "no such booking", { bookingId: booking.id })
                  : versionConflict(booking.id, expectedVersion),
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
    confirm: ({ booking, expectedVersion, notices }) =>
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
                      ConditionExpression: "#version = :expected AND #status = :pending",
                      ExpressionAttributeNames: { "#version": "version", "#status": "status" },
                      ExpressionAttributeValues: {
                        ":expected": expectedVersion,
                        ":pending": "pending_payment",
                      },
                      ReturnValuesOnConditionCheckFailure: "ALL_OLD",
                    },
                  },
                  ...noticeItems(notices),
                  ...holdMarkerDelete(booking),
                ],
              }),
            ),
          (reasons): E.Either<AppError, never> => {
            const [stored] = reasons;
            return E.left(
              isConditionFailed(stored) && stored?.item === undefined
                ? appError("BOOKING.NOT_FOUND", "no such booking", { bookingId: booking.id })
                : versionConflict(booking.id, expectedVersion),
            );
          },
        ),
        TE.map(() => booking),
      ),
    amendBooking: (booking, expectedVersion, refundIntent) => {
      // Status and seats stay: the counters never move here.
      const put = {
        TableName: ctx.tableName,
        Item: bookingToItem(booking),
        ConditionExpression: "#version = :expected AND #status = :status AND seats = :n",
        ExpressionAttributeNames: { "#version": "version", "#status": "status" },
        ExpressionAttributeValues: {
          ":expected": expectedVersion,
          ":status": booking.status,
          ":n": booking.seats,
        },
        ReturnValuesOnConditionCheckFailure: "ALL_OLD" as const,
      };
      const refused = (old: Item | undefined) =>
        old === undefined
          ? appError("BOOKING.NOT_FOUND", "no such booking", { bookingId: booking.id })
          : versionConflict(booking.id, expectedVersion);
      if (refundIntent !== undefined)
        return pipe(
          transaction(
            () =>
              ctx.doc.send(
                new TransactWriteCommand({
                  TransactItems: [{ Put: put }, ...refundIntentPut(refundIntent)],
                }),
              ),
            (reasons): E.Either<AppError, never> => {
              const [stored, intent] = reasons;
              if (isConditionFailed(stored)) return E.left(refused(stored?.item));
              if (isConditionFailed(intent))
                return E.left(storeErrors.duplicate("refund intent", refundIntent.id));
              return E.left(
                appError("STORE.UNAVAILABLE", "the amendment was refused for no known reason"),
              );
            },
          ),
          TE.map(() => booking),
        );
      return pipe(
        conditionalWrite(
          async () => {
            await ctx.doc.send(new PutCommand(put));
          },
          (old) => E.left(refused(old)),
        ),
        TE.map(() => booking),
      );
    },
    listExpiredHolds: (now: Instant, limit: number) =>
      pipe(
        attempt(() =>
          ctx.doc.send(
            new QueryCommand({
              TableName: ctx.tableName,
              KeyConditionExpression: "PK = :pk AND SK < :bound",
              ExpressionAttributeValues: {
                ":pk": experienceKeys.bookingHoldsPartition,
                // Sort keys start with the hold end: "$" sorts after every "<now>#…" key.
                ":bound": `${now}$`,
              },
              Limit: limit,
              ConsistentRead: true,
            }),
          ),
        ),
        TE.chain((output) =>
          batchGetAll(
            ctx,
            (output.Items ?? []).map((marker) =>
              experienceKeys.booking(String(marker.experienceId), String(marker.bookingId)),
            ),
          ),
        ),
        // A marker outlives its hold only if a write was lost: the booking decides.
        TE.map((items) =>
          items
            .map(bookingFromItem)
            .filter((b) => b.status === "pending_payment")
            .sort((a, b) => (`${a.holdExpiresAt}#${a.id}` < `${b.holdExpiresAt}#${b.id}` ? -1 : 1)),
        ),
      ),
    ownerSeats: (experienceId, ownerId) =>
      pipe(
        attempt(() =>
          ctx.doc.send(
            new GetCommand({
              TableName: ctx.tableName,
              Key: experienceKeys.ownerSeats(experienceId, ownerId),
              ConsistentRead: true,
            }),
          ),
        ),
        TE.map((output) => (output.Item?.seats as number | undefined) ?? 0),
      ),
    findBookingByPaymentIntent: (paymentIntentId) =>
      pipe(
        attempt(() =>
          ctx.doc.send(
            new QueryCommand({
              TableName: ctx.tableName,
              IndexName: "GSI2",
              KeyConditionExpression: "GSI2PK = :pk",
              ExpressionAttributeValues: {
                ":pk": experienceKeys.bookingsOfPaymentIntent(paymentIntentId),
              },
              Limit: 1,
            }),
          ),
        ),
        TE.map((output) =>
          O.map(bookingFromItem)(O.fromNullable(output.Items?.[0] as Item | undefined)),
        ),
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
