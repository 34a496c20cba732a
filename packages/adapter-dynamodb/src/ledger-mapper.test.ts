import {
  auditEntry,
  auditEntryId,
  instant,
  ledgerEntryId,
  ownershipId,
  planId,
  yen,
} from "@owners/domain";
import { describe, expect, it } from "vitest";
import {
  auditEntryFromItem,
  auditEntryToItem,
  ledgerEntryFromItem,
  ledgerEntryToItem,
} from "./ledger-mapper.ts";
import { throughDynamo } from "./testing/stored.ts";

describe("ledger and audit mappers", () => {
  const at = instant("2026-06-10T00:00:00.000Z");

  it("round-trips ledger entries with and without an ownership, negative amounts included", () => {
    const withOwnership = {
      id: ledgerEntryId("led_1"),
      planId: planId("plan_1"),
      ownershipId: ownershipId("own_1"),
      kind: "payout" as const,
      amountYen: yen(-4500),
      reason: "cancellation" as const,
      at,
      actor: "owner_1",
    };
    const { ownershipId: _none, ...planLevel } = {
      ...withOwnership,
      id: ledgerEntryId("led_2"),
      kind: "credit" as const,
      amountYen: yen(300),
    };
    for (const entry of [withOwnership, planLevel])
      expect(ledgerEntryFromItem(throughDynamo(ledgerEntryToItem(entry)))).toEqual(entry);
  });

  it("round-trips audit entries with snapshots, and one without plan or amount", () => {
    const full = auditEntry({
      id: auditEntryId("aud_1"),
      at,
      actor: { id: "owner_1", role: "owner" },
      action: "money.refunded",
      subject: { type: "ownership", id: "own_1" },
      planId: planId("plan_1"),
      before: { status: "active", shares: 2, nested: { list: [1, 2], flag: true } },
      after: { status: "cancelled" },
      amountYen: yen(11600),
    });
    const bare = auditEntry({
      id: auditEntryId("aud_2"),
      at,
      actor: { id: "x", role: "system" },
      action: "plan.closed",
      subject: { type: "plan", id: "plan_1" },
    });
    for (const entry of [full, bare])
      expect(auditEntryFromItem(throughDynamo(auditEntryToItem(entry)))).toEqual(entry);
    expect(auditEntryToItem(bare)).not.toHaveProperty("GSI2PK");
  });
});
