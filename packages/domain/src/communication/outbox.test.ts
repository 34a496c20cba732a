import { describe, expect, it } from "vitest";
import { yen } from "../money/money.ts";
import {
  lotId,
  offerId,
  ownerId,
  ownershipId,
  planId,
  shipmentId,
  updateId,
} from "../shared/ids.ts";
import { instant, localDate } from "../shared/time.ts";
import {
  allocationReadyMessage,
  NOTIFICATION_EXCERPT_CHARS,
  type OutboxMessage,
  outboxMessage,
  planPublishedToReturningOwnersMessage,
  reservationConfirmedMessage,
  shipmentScheduledMessage,
  updatePostedMessage,
  waitlistOfferMadeMessage,
} from "./outbox.ts";

const at = instant("2026-09-01T00:00:00.000Z");
const plan = { id: planId("plan-1"), title: "Tree-ripened figs" };
const envelope = (recipient: string, id = "m-1") => ({ id, recipientId: ownerId(recipient), at });

const allKinds = (recipient: string, id: string): OutboxMessage[] => [
  planPublishedToReturningOwnersMessage({
    ...envelope(recipient, id),
    plan,
    opensToYouAt: instant("2026-09-03T00:00:00.000Z"),
  }),
  reservationConfirmedMessage({
    ...envelope(recipient, id),
    plan,
    ownershipId: ownershipId(`own-${recipient}`),
    shares: 2,
    totalYen: yen(7000),
  }),
  waitlistOfferMadeMessage({
    ...envelope(recipient, id),
    plan,
    offerId: offerId(`offer-${recipient}`),
    shares: 1,
    expiresAt: instant("2026-09-02T00:00:00.000Z"),
  }),
  allocationReadyMessage({
    ...envelope(recipient, id),
    plan,
    lotId: lotId("lot-1"),
    ownershipId: ownershipId(`own-${recipient}`),
    units: 6,
    unitLabel: "figs",
  }),
  shipmentScheduledMessage({
    ...envelope(recipient, id),
    plan,
    shipmentId: shipmentId(`ship-${recipient}`),
    shipOn: localDate("2026-09-05"),
    arriveBy: localDate("2026-09-06"),
    boxes: 1,
  }),
  updatePostedMessage({
    ...envelope(recipient, id),
    plan,
    update: { id: updateId("u-1"), body: "Harvest starts Monday." },
  }),
];

describe("outbox messages", () => {
  it("builds one message of each kind, addressed and timed as given", () => {
    const messages = allKinds("alice", "m-1");
    expect(messages.map((m) => m.kind)).toEqual([
      "plan-published-to-returning-owners",
      "reservation-confirmed",
      "waitlist-offer-made",
      "allocation-ready",
      "shipment-scheduled",
      "update-posted",
    ]);
    for (const message of messages) {
      expect(message.id).toBe("m-1");
      expect(message.recipientId).toBe("alice");
      expect(message.at).toBe(at);
      expect(message.subject).not.toBe("");
      expect(message.body).not.toBe("");
    }
  });

  it("gives the same event the same dedupe key, whatever the message id", () => {
    const first = allKinds("alice", "m-1").map((m) => m.dedupeKey);
    expect(allKinds("alice", "m-2").map((m) => m.dedupeKey)).toEqual(first);
  });

  it("gives different events or recipients different dedupe keys", () => {
    const keys = [...allKinds("alice", "m"), ...allKinds("bob", "m")].map((m) => m.dedupeKey);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("states the facts the owner needs", () => {
    const [, reservation, offer, allocation, shipment] = allKinds("alice", "m");
    expect(reservation?.body).toContain("¥7000");
    expect(offer?.body).toContain("2026-09-02T00:00:00.000Z");
    expect(allocation?.body).toContain("6 figs");
    expect(shipment?.body).toContain("2026-09-05");
    expect(shipment?.body).toContain("2026-09-06");
  });

  it("sends a teaser of a long update, not the whole text", () => {
    const long = "実".repeat(NOTIFICATION_EXCERPT_CHARS + 50);
    const message = updatePostedMessage({
      ...envelope("alice"),
      plan,
      update: { id: updateId("u-2"), body: long },
    });
    expect([...message.body]).toHaveLength(NOTIFICATION_EXCERPT_CHARS + 1);
    expect(message.body.endsWith("…")).toBe(true);
  });

  it("outboxMessage copies its fields", () => {
    const fields: OutboxMessage = {
      id: "m",
      recipientId: ownerId("alice"),
      kind: "update-posted",
      subject: "s",
      body: "b",
      at,
      dedupeKey: "k",
    };
    const message = outboxMessage(fields);
    expect(message).toEqual(fields);
    expect(message).not.toBe(fields);
  });
});
