import type {
  AuditEntry,
  LedgerEntry,
  OwnerId,
  OwnershipId,
  ProducerId,
  Yen,
} from "@owners/domain";
import { describe, expect, it } from "vitest";
import { compensationChunks, TRANSACTION_ITEM_BUDGET } from "./compensation-chunks.ts";
import type { ShortfallWrite } from "./shortfall-ledger.ts";

const entries = (n: number) => Array.from({ length: n }, () => ({}) as LedgerEntry);
const audit = {} as AuditEntry;

/** A refund of three ledger entries (refund, payout, fee): four items with its audit entry. */
const refund = (i: number): ShortfallWrite => ({
  ownershipId: `own_${i}` as OwnershipId,
  refund: { entries: entries(3), audit },
});

/** A credit of one ledger entry: three items with its audit entry and balance change. */
const credit = (i: number): ShortfallWrite => ({
  ownershipId: `own_${i}` as OwnershipId,
  credit: {
    entries: entries(1),
    audit,
    change: { ownerId: "o" as OwnerId, producerId: "p" as ProducerId, deltaYen: 1 as Yen },
  },
});

const sizes = (chunks: readonly ShortfallWrite[][]) => chunks.map((c) => c.length);

describe("compensationChunks", () => {
  it("fills each transaction up to the limit, the tally included", () => {
    // 24 refunds are 96 items, plus the tally: 97; a 25th would make 101.
    expect(sizes(compensationChunks(Array.from({ length: 50 }, (_, i) => refund(i))))).toEqual([
      24, 24, 2,
    ]);
    // 33 credits are 99 items, plus the tally: 100.
    expect(sizes(compensationChunks(Array.from({ length: 70 }, (_, i) => credit(i))))).toEqual([
      33, 33, 4,
    ]);
    expect(TRANSACTION_ITEM_BUDGET).toBe(99);
  });

  it("keeps the writes in order, each ownership whole in one chunk", () => {
    const both = (i: number): ShortfallWrite => ({ ...refund(i), credit: credit(i).credit });
    const writes = [refund(0), both(1), credit(2), both(3), refund(4)];
    const chunks = compensationChunks(writes, 8);
    // refunds 4+4 | credits 3+3: then both(3) would make refunds 12 > 8.
    expect(chunks).toEqual([
      [writes[0], writes[1], writes[2]],
      [writes[3], writes[4]],
    ]);
    expect(chunks.flat()).toEqual(writes);
  });

  it("makes no chunk of nothing", () => {
    expect(compensationChunks([])).toEqual([]);
  });
});
