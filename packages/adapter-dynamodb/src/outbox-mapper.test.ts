import { sampleMessage } from "@owners/app/testing";
import { describe, expect, it } from "vitest";
import { outboxMessageFromItem, outboxMessageToItem } from "./outbox-mapper.ts";
import { throughDynamo } from "./testing/stored.ts";

describe("outbox mapper", () => {
  it("round-trips pending, delivered, set-aside and read messages with their params", () => {
    const delivered = { ...sampleMessage(), deliveredAt: sampleMessage().at };
    const setAside = {
      ...sampleMessage(),
      setAside: { at: sampleMessage().at, reason: "AUTH.FORBIDDEN" },
    };
    const readWithParams = {
      ...sampleMessage({ params: { planTitle: "いちじく", units: 6 } }),
      readAt: sampleMessage().at,
    };
    for (const message of [sampleMessage(), delivered, setAside, readWithParams])
      expect(outboxMessageFromItem(throughDynamo(outboxMessageToItem(message)))).toStrictEqual(
        message,
      );
  });

  it("keys a message by its dedupe key and indexes it (GSI1) only while pending", () => {
    expect(outboxMessageToItem(sampleMessage())).toMatchObject({
      PK: "OUTBOX#allocation-ready#lot_A#own_1",
      GSI1PK: "OUTBOX#PENDING",
      GSI1SK: "2026-08-01T10:00:00.000Z#allocation-ready#lot_A#own_1",
    });
    expect(
      outboxMessageToItem({ ...sampleMessage(), deliveredAt: sampleMessage().at }),
    ).not.toHaveProperty("GSI1PK");
    expect(
      outboxMessageToItem({
        ...sampleMessage(),
        setAside: { at: sampleMessage().at, reason: "X" },
      }),
    ).not.toHaveProperty("GSI1PK");
  });
});
