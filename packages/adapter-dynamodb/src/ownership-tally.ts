import {
  japanDayOf,
  type LedgerEntry,
  ledgerTally,
  type Ownership,
  paidSharesMove,
  type TallyDelta,
} from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import { batchGetAll } from "./batch-write.ts";
import type { DynamoContext } from "./client.ts";
import type { CancellationReason } from "./dynamo-errors.ts";
import { isConditionFailed } from "./dynamo-errors.ts";
import { producersOfPlans } from "./plan-producers.ts";
import { dayTallyUpdate, planTallyUpdate, producerPlansUpdate } from "./producer-tally-items.ts";
import { ownershipKeys, summaryKeys } from "./reservation-keys.ts";
import type { TransactionLayout } from "./reservation-transactions.ts";

/** An ownership's paid shares moving in the transaction: + paid, - cancelled. */
export interface PaidMove {
  readonly ownership: Ownership;
  readonly shares: number;
  /**
   * What a stored count without `activeShares` (written before it existed) means: the
   * confirmation's expression reads it as 0, the cancellation's as the held shares.
   */
  readonly legacyActive: "zero" | "shares";
}

/** Where the tally's conditions sit in the transaction, and what they expected. */
export interface TallyLayout extends TransactionLayout {
  readonly producerPlans?: number;
  readonly seenActive?: number;
}

/**
 * Adds the producer summary's tallies to an ownership transaction: each plan's ledger amounts,
 * and for a paid-shares move the plan's and day's share, owner and repeat-owner deltas. Those
 * deltas come from the owner's standing read just before (one BatchGetItem), so the owner's paid
 * count is conditioned on still being what was read, and so is its count of active plans at the
 * producer when that moves: a concurrent change makes the write fail and the caller retry.
 */
export const withTallies = async (
  ctx: DynamoContext,
  layout: TransactionLayout,
  ledgerEntries: readonly LedgerEntry[],
  move: PaidMove | undefined,
  knownProducer?: { readonly planId: string; readonly producerId: string },
): Promise<TallyLayout> => {
  const yenByPlan = ledgerTally(ledgerEntries);
  const planIds = new Set(yenByPlan.keys());
  if (move !== undefined) planIds.add(move.ownership.planId);
  if (planIds.size === 0) return layout;
  const producers = await producersOfPlans(
    ctx,
    [...planIds].filter((id) => id !== knownProducer?.planId),
  );
  if (knownProducer !== undefined) producers.set(knownProducer.planId, knownProducer.producerId);

  const items = [...layout.items];
  const deltas = new Map<string, Partial<TallyDelta>>();
  let producerPlans: number | undefined;
  let seenActive: number | undefined;
  const moveProducer = move === undefined ? undefined : producers.get(move.ownership.planId);
  if (move !== undefined && moveProducer !== undefined && layout.ownerShares !== undefined) {
    const { ownership } = move;
    const sharesKey = ownershipKeys.ownerShares(ownership.planId, ownership.ownerId);
    const plansKey = summaryKeys.producerPlans(ownership.ownerId, moveProducer);
    const read = await batchGetAll(ctx, [sharesKey, plansKey])();
    if (E.isLeft(read)) throw new Error(`the owner's standing was not read: ${read.left.message}`);
    const found = read.right;
    const counts = found.find((i) => String(i.SK).startsWith("PLANSHARES#"));
    const plans = found.find((i) => String(i.SK).startsWith("PRODUCERPLANS#"));
    seenActive = counts?.activeShares as number | undefined;
    const planShares =
      seenActive ?? (move.legacyActive === "shares" ? ((counts?.shares as number) ?? 0) : 0);
    const producerPlansBefore = plans?.activePlans as number | undefined;
    const { after, delta } = paidSharesMove(
      { planShares, producerPlans: producerPlansBefore ?? 0 },
      move.shares,
    );
    deltas.set(ownership.planId, delta);
    // The owner's paid count must still be what the deltas were computed from.
    const sharesItem = items[layout.ownerShares];
    const update = sharesItem?.Update;
    if (update === undefined) throw new Error("the owner's count is not an update");
    items[layout.ownerShares] = {
      Update: {
        ...update,
        ConditionExpression: `(${update.ConditionExpression ?? "attribute_exists(PK) OR attribute_not_exists(PK)"}) AND ${
          seenActive === undefined
            ? "attribute_not_exists(activeShares)"
            : "activeShares = :seenActive"
        }`,
        ExpressionAttributeValues: {
          ...update.ExpressionAttributeValues,
          ...(seenActive === undefined ? {} : { ":seenActive": seenActive }),
        },
        ReturnValuesOnConditionCheckFailure: "ALL_OLD",
      },
    };
    if (after.producerPlans !== (producerPlansBefore ?? 0)) {
      producerPlans = items.length;
      items.push(
        producerPlansUpdate(
          ctx.tableName,
          ownership.ownerId,
          moveProducer,
          producerPlansBefore,
          after.producerPlans,
        ),
      );
    }
    items.push(
      dayTallyUpdate(
        ctx.tableName,
        moveProducer,
        ownership.planId,
        japanDayOf(ownership.reservedAt),
        move.shares,
      ),
    );
  }
  for (const planId of planIds) {
    const producerId = producers.get(planId);
    // A plan not stored has no producer and no summary to count in.
    if (producerId === undefined) continue;
    items.push(
      planTallyUpdate(
        ctx.tableName,
        producerId,
        planId,
        deltas.get(planId) ?? {},
        yenByPlan.get(planId) ?? {},
      ),
    );
  }
  return {
    ...layout,
    items,
    ...(producerPlans === undefined ? {} : { producerPlans }),
    ...(seenActive === undefined ? {} : { seenActive }),
  };
};

/**
 * Whether a cancelled transaction failed only on the tally's conditions (the owner's standing
 * moved since it was read): then it is read again and the write retried.
 */
export const standingMoved = (
  layout: TallyLayout,
  reasons: readonly CancellationReason[],
  move: PaidMove | undefined,
): boolean => {
  if (move === undefined) return false;
  if (layout.ownership !== undefined && isConditionFailed(reasons[layout.ownership])) return false;
  if (layout.producerPlans !== undefined && isConditionFailed(reasons[layout.producerPlans]))
    return true;
  if (layout.ownerShares === undefined) return false;
  const counts = reasons[layout.ownerShares];
  if (!isConditionFailed(counts)) return false;
  const active = counts?.item?.activeShares as number | undefined;
  return active !== layout.seenActive;
};
