import type { CancelCommand } from "@owners/app";
import { seatsFreedByExperience } from "@owners/domain";
import { bookingHoldMarker, bookingToItem } from "./experience-mapper.ts";
import { experienceKeys } from "./harvest-keys.ts";
import { outboxMessageToItem } from "./outbox-mapper.ts";
import type { TransactItem } from "./reservation-transactions.ts";

/** Seats of the owner's bookings released with an ownership cancel (the plan-wide counter's move). */
export const releasedSeats = (command: CancelCommand): number =>
  (command.bookingReleases?.releases ?? []).reduce((sum, r) => sum + r.booking.seats, 0);

/**
 * The items an ownership cancel adds for the owner's bookings: each booking becomes cancelled if
 * it still holds seats at its read version (an unpaid hold's marker goes with it); per experience, one update gives the seats back and one
 * lowers the owner's seat counter (a transaction touches an item once); then the notices.
 */
export const bookingReleaseItems = (tableName: string, command: CancelCommand): TransactItem[] => {
  const release = command.bookingReleases;
  if (release === undefined || release.releases.length === 0) return [];
  const { ownerId } = command.ownership;
  // The releases were all decided at one instant: their cancellation time.
  const now = release.releases[0]?.booking.cancelledAt ?? command.ownership.cancelledAt;
  return [
    ...release.releases.map(
      ({ booking, expectedVersion }): TransactItem => ({
        Put: {
          TableName: tableName,
          Item: bookingToItem(booking),
          ConditionExpression: "#version = :expected AND #status IN (:active, :pending)",
          ExpressionAttributeNames: { "#version": "version", "#status": "status" },
          ExpressionAttributeValues: {
            ":expected": expectedVersion,
            ":active": "active",
            ":pending": "pending_payment",
          },
        },
      }),
    ),
    // An unpaid hold released with the ownership leaves the expiry sweep's list.
    ...release.releases.flatMap(({ booking }): TransactItem[] => {
      const marker = bookingHoldMarker(booking);
      return marker === undefined
        ? []
        : [{ Delete: { TableName: tableName, Key: { PK: marker.PK, SK: marker.SK } } }];
    }),
    ...[...seatsFreedByExperience(release.releases)].flatMap(
      ([experienceId, seats]): TransactItem[] => [
        {
          Update: {
            TableName: tableName,
            Key: experienceKeys.item(experienceId),
            UpdateExpression:
              "SET seatsBooked = seatsBooked - :n, seatsLeft = seatsLeft + :n, #version = #version + :one, updatedAt = :now",
            ConditionExpression: "attribute_exists(PK)",
            ExpressionAttributeNames: { "#version": "version" },
            ExpressionAttributeValues: { ":n": seats, ":one": 1, ":now": now },
          },
        },
        {
          Update: {
            TableName: tableName,
            Key: experienceKeys.ownerSeats(experienceId, ownerId),
            UpdateExpression: "SET seats = seats - :n",
            ConditionExpression: "seats >= :n",
            ExpressionAttributeValues: { ":n": seats },
          },
        },
      ],
    ),
    ...release.notices.map(
      (message): TransactItem => ({
        Put: { TableName: tableName, Item: outboxMessageToItem(message) },
      }),
    ),
  ];
};
