import {
  type AppError,
  type PlanEntry,
  type PlanOffer,
  storeErrors,
  type WaitlistStore,
  type WaitlistWrite,
} from "@owners/app";
import { isOfferLive, type PlanId, type Waitlist } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { DynamoContext } from "./client.ts";
import {
  type CancellationReason,
  cancellationReasons,
  isAppError,
  isConditionFailed,
  storeUnavailable,
} from "./dynamo-errors.ts";
import { queryAll, queryPage } from "./dynamo-query.ts";
import type { Item } from "./item.ts";
import { appendNotices, sendWithNotices } from "./outbox-notices.ts";
import { planKeys, waitlistKeys } from "./reservation-keys.ts";
import {
  appendItems,
  MAX_TRANSACTION_ITEMS,
  type TransactItem,
  waitlistChangeItems,
} from "./reservation-transactions.ts";
import {
  waitlistEntryFromItem,
  waitlistFromItems,
  waitlistOfferFromItem,
} from "./waitlist-mapper.ts";

const planEntryFromItem = (item: Item): PlanEntry => ({
  ...waitlistEntryFromItem(item),
  planId: item.planId as PlanId,
});

const planOfferFromItem = (item: Item): PlanOffer => ({
  ...waitlistOfferFromItem(item),
  planId: item.planId as PlanId,
});

/**
 * The plan item's part in a waitlist write: releasing held shares (an Update of sharesTaken), or
 * only checking the plan exists and, for a join, is open and sold out (sharesTaken >= totalShares:
 * attributes compare with each other, they cannot be added).
 */
const planItem = (tableName: string, planId: PlanId, write: WaitlistWrite): TransactItem => {
  const soldOut = write.requireSoldOut === true;
  const condition = soldOut
    ? "#status = :open AND sharesTaken >= totalShares"
    : "attribute_exists(PK)";
  const names = soldOut ? { ExpressionAttributeNames: { "#status": "status" } } : {};
  const base = {
    TableName: tableName,
    Key: planKeys.item(planId),
    ConditionExpression: condition,
    ...names,
  };
  return write.sharesOfferedDelta === 0
    ? {
        ConditionCheck: {
          ...base,
          ...(soldOut ? { ExpressionAttributeValues: { ":open": "open" } } : {}),
          ReturnValuesOnConditionCheckFailure: "ALL_OLD",
        },
      }
    : {
        Update: {
          ...base,
          UpdateExpression: "SET sharesTaken = sharesTaken + :delta",
          ExpressionAttributeValues: {
            ":delta": write.sharesOfferedDelta,
            ...(soldOut ? { ":open": "open" } : {}),
          },
          ReturnValuesOnConditionCheckFailure: "ALL_OLD",
        },
      };
};

const saveFailure = (planId: PlanId, reasons: readonly CancellationReason[]) => {
  const [plan, head] = reasons;
  if (isConditionFailed(plan)) {
    const old = plan?.item;
    if (old === undefined) return storeErrors.planNotFound(planId);
    if (old.status !== "open") return storeErrors.notOpen(planId, String(old.status));
    return storeErrors.notSoldOut(
      planId,
      (old.totalShares as number) - (old.sharesTaken as number),
    );
  }
  if (isConditionFailed(head)) return storeErrors.versionConflict("waitlist", planId);
  return undefined;
};

/** WaitlistStore on the single table: one partition per plan's line (head, entries, offers). */
export const makeDynamoWaitlistStore = (ctx: DynamoContext): WaitlistStore => {
  const { tableName } = ctx;

  const save = (planId: PlanId, write: WaitlistWrite): TE.TaskEither<AppError, Waitlist> => {
    if (!Number.isSafeInteger(write.sharesOfferedDelta) || write.sharesOfferedDelta > 0)
      return TE.left(
        storeErrors.invalid("a waitlist write only releases held shares", {
          delta: write.sharesOfferedDelta,
        }),
      );
    const change = waitlistChangeItems(tableName, planId, write.change);
    // The notices (offers made or lapsed) come last: the reasons of the other items keep their place.
    const layout = appendNotices(
      tableName,
      [
        planItem(tableName, planId, write),
        ...change.items,
        ...appendItems(tableName, [], write.audit),
      ],
      write.notices,
    );
    const { items } = layout;
    if (items.length > MAX_TRANSACTION_ITEMS)
      return TE.left(
        storeErrors.invalid("a waitlist change may write at most 100 items at once", {
          items: items.length,
        }),
      );
    return TE.tryCatch(
      async () => {
        try {
          await sendWithNotices(ctx, layout);
          return write.change.after;
        } catch (error) {
          const reasons = cancellationReasons(error);
          const explained = reasons === undefined ? undefined : saveFailure(planId, reasons);
          throw explained ?? error;
        }
      },
      (error) => (isAppError(error) ? error : storeUnavailable(error)),
    );
  };

  return {
    load: (planId, now) =>
      pipe(
        queryAll(ctx, {
          KeyConditionExpression: "PK = :pk",
          ExpressionAttributeValues: { ":pk": waitlistKeys.partition(planId) },
          ConsistentRead: true,
        }),
        TE.map((items) => {
          const stored = waitlistFromItems(planId, items);
          return {
            waitlist: { ...stored, offers: stored.offers.filter((o) => isOfferLive(o, now)) },
            expiredOffers: stored.offers.filter((o) => !isOfferLive(o, now)),
          };
        }),
      ),

    save,

    listOffersOfOwner: (ownerId, now) =>
      pipe(
        queryAll(ctx, {
          IndexName: "GSI1",
          KeyConditionExpression: "GSI1PK = :pk AND GSI1SK > :bound",
          ExpressionAttributeValues: {
            ":pk": waitlistKeys.offersOfOwner(ownerId),
            ":bound": waitlistKeys.expiryBound(now),
          },
        }),
        // The key bound already skips expired offers; the check in code is what is trusted.
        TE.map((items) => items.map(planOfferFromItem).filter((o) => isOfferLive(o, now))),
      ),

    // One Query partition per owner, a handful of lines each: read whole, like its offers.
    listEntriesOfOwner: (ownerId) =>
      pipe(
        queryAll(ctx, {
          IndexName: "GSI1",
          KeyConditionExpression: "GSI1PK = :pk",
          ExpressionAttributeValues: { ":pk": waitlistKeys.entriesOfOwner(ownerId) },
        }),
        TE.map((items) => items.map(planEntryFromItem)),
      ),

    listExpiredOffers: (now, page) =>
      pipe(
        queryPage(
          ctx,
          {
            IndexName: "GSI2",
            KeyConditionExpression: "GSI2PK = :pk AND GSI2SK < :bound",
            ExpressionAttributeValues: {
              ":pk": waitlistKeys.allOffers,
              ":bound": waitlistKeys.expiryBound(now),
            },
          },
          page,
          `expired-offers:${now}`,
          planOfferFromItem,
        ),
        TE.map((found) => ({ ...found, items: found.items.filter((o) => !isOfferLive(o, now)) })),
      ),

    listPlansHoldingForLine: (page) =>
      queryPage(
        ctx,
        {
          IndexName: "GSI2",
          KeyConditionExpression: "GSI2PK = :pk",
          ExpressionAttributeValues: { ":pk": waitlistKeys.holdingForLine },
        },
        page,
        "held-for-line",
        (item) => item.planId as PlanId,
      ),
  };
};
