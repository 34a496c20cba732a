import { BatchWriteCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { chunksOf, runPooled } from "@owners/app";
import { reservationRecords, samplePlan } from "@owners/app/testing";
import {
  type HarvestLot,
  instant,
  localDate,
  lotId,
  type Ownership,
  ownerId,
  ownershipId,
  type Plan,
  quote,
} from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
// The adapters' own mappers, so seeded items are exactly what the adapters read. The package's
// index does not export them, hence the path into its sources (a bench-only import).
import { harvestLotToItem } from "../../../packages/adapter-dynamodb/src/harvest-lot-mapper.ts";
import { ledgerEntryToItem } from "../../../packages/adapter-dynamodb/src/ledger-mapper.ts";
import { ownershipToItem } from "../../../packages/adapter-dynamodb/src/ownership-mapper.ts";
import { planToItem } from "../../../packages/adapter-dynamodb/src/plan-mapper.ts";

/** BatchWriteItem's limit. */
const PER_REQUEST = 25;

/**
 * Writes items with plain BatchWriteItem, `concurrency` requests in flight, resending whatever
 * DynamoDB hands back unprocessed. What the bench seeds with, and its baseline.
 */
export const batchWritePlain = async (
  doc: DynamoDBDocumentClient,
  tableName: string,
  items: readonly Record<string, unknown>[],
  concurrency: number,
): Promise<void> => {
  await runPooled(chunksOf(items, PER_REQUEST), concurrency, async (chunk) => {
    let pending = chunk.map((Item) => ({ PutRequest: { Item } }));
    while (pending.length > 0) {
      const output = await doc.send(
        new BatchWriteCommand({ RequestItems: { [tableName]: pending } }),
      );
      pending = (output.UnprocessedItems?.[tableName] ?? []) as typeof pending;
    }
  });
};

export interface BenchPlan {
  readonly plan: Plan;
  readonly ownerships: readonly Ownership[];
  readonly lot: HarvestLot;
}

export interface BenchPlanOptions {
  readonly id?: string;
  /** What a shortfall owes: refunds paid back, or store credit (refund by default). */
  readonly riskTerms?: Plan["riskTerms"];
  /** Prefix of the owners' ids, so several bench plans have distinct owners. */
  readonly ownerPrefix?: string;
}

/**
 * A closed plan with `owners` paid ownerships of 1 to 3 shares (reserved a millisecond apart) and
 * one standard lot of `harvestRatio` of the entitled units: below 1, the plan is short and its
 * risk terms owe refunds or credit.
 */
export const benchPlan = (
  owners: number,
  harvestRatio: number,
  options: BenchPlanOptions = {},
): BenchPlan => {
  const shareCounts = Array.from({ length: owners }, (_, i) => 1 + (i % 3));
  const totalShares = shareCounts.reduce((a, b) => a + b, 0);
  const open = samplePlan(
    { id: (options.id ?? "plan_bench") as Plan["id"] },
    { totalShares, maxSharesPerOwner: 3, riskTerms: options.riskTerms ?? "refund" },
  );
  // Declared complete: the allocation is final, so the shortfall is settled in the same run.
  const plan: Plan = {
    ...open,
    status: "closed",
    sharesSold: totalShares,
    harvestCompletedAt: instant("2026-07-21T00:00:00.000Z"),
  };
  const reservedAt = instant("2026-06-10T00:00:00.000Z");
  const quotes = [1, 2, 3].map((shares) => {
    const priced = quote({
      plan: open,
      shares,
      shippingRegion: "kanto",
      at: reservedAt,
      sharesSoldBefore: 0,
    });
    if (E.isLeft(priced)) throw new Error(JSON.stringify(priced.left));
    return priced.right;
  });
  const base = Date.parse(reservedAt);
  const prefix = options.ownerPrefix ?? "";
  const ownerships = shareCounts.map((shares, i): Ownership => {
    const id = `own_${prefix}${String(i).padStart(6, "0")}`;
    const priced = quotes[shares - 1] as Ownership["quote"];
    return {
      id: ownershipId(id),
      planId: plan.id,
      ownerId: ownerId(`owner_${prefix}${i}`),
      shares,
      quote: priced,
      reservedAt: instant(new Date(base + i).toISOString()),
      idempotencyKey: `key-${id}`,
      status: "active",
      // Paid through the processor: a shortfall refund goes back to this PaymentIntent.
      payment: {
        id: `cs_${id}`,
        status: "succeeded",
        expiresAt: reservedAt,
        paymentIntentId: `pi_${id}`,
        amountYen: priced.totalYen,
      },
      version: 2,
    };
  });
  const lot: HarvestLot = {
    id: lotId("lot_1"),
    planId: plan.id,
    quantity: Math.floor(totalShares * plan.unitsPerShare * harvestRatio),
    grade: "standard",
    readyOn: localDate("2026-08-01"),
    bestBefore: localDate("2026-08-10"),
    recordedAt: instant("2026-07-20T00:00:00.000Z"),
  };
  return { plan, ownerships, lot };
};

/** The plan, its ownerships, their ledger entries and its lot as the adapters store them, in parallel. */
export const seedBenchPlan = async (
  doc: DynamoDBDocumentClient,
  tableName: string,
  bench: BenchPlan,
  concurrency: number,
): Promise<void> => {
  const items = [
    planToItem(bench.plan),
    harvestLotToItem(bench.lot),
    ...bench.ownerships.map((o) => ownershipToItem(o, bench.plan.producerId)),
    // What each paid ownership put on the books (charge, payout, fee): a refund is bounded by it.
    ...bench.ownerships.flatMap((o) => reservationRecords(o).ledgerEntries.map(ledgerEntryToItem)),
  ];
  await batchWritePlain(doc, tableName, items, concurrency);
};
