import { GetCommand, QueryCommand, TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import {
  type AppError,
  type CancelCommand,
  type OwnershipStore,
  type ReserveCommand,
  type ReserveOutcome,
  storeErrors,
} from "@owners/app";
import {
  allocationStartedError,
  isHoldOver,
  type LedgerEntry,
  type Ownership,
} from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { DynamoContext } from "./client.ts";
import {
  type CancellationReason,
  cancellationReasons,
  isAppError,
  isConditionFailed,
  isContended,
  storeUnavailable,
} from "./dynamo-errors.ts";
import { attempt, queryAll, queryPage } from "./dynamo-query.ts";
import type { Item } from "./item.ts";
import { withoutStoredNotices } from "./outbox-notices.ts";
import { ownershipFromItem } from "./ownership-mapper.ts";
import { type PaidMove, standingMoved, withTallies } from "./ownership-tally.ts";
import { rememberProducer } from "./plan-producers.ts";
import { disputeKeys, holdKeys, ownershipKeys, paymentIntentKeys } from "./reservation-keys.ts";
import {
  amendTransaction,
  cancelTransaction,
  confirmPaymentTransaction,
  reserveTransaction,
  type TransactionLayout,
  withNotices,
} from "./reservation-transactions.ts";

const at = (reasons: readonly CancellationReason[], index: number | undefined) =>
  index === undefined ? undefined : reasons[index];

/**
 * Reads a cancelled reservation's reasons in a fixed order, the same order the in-memory store
 * checks in: a stored ownership (replay) wins over everything, then the plan, the offer, the
 * owner's cap and the waitlist version.
 */
export const reserveFailure = (
  command: ReserveCommand,
  layout: TransactionLayout,
  reasons: readonly CancellationReason[],
): ReserveOutcome | AppError | undefined => {
  const { ownership, fromOffer } = command;
  const planId = ownership.planId;
  const stored = at(reasons, layout.ownership);
  if (isConditionFailed(stored) && stored?.item !== undefined)
    return { kind: "replayed", ownership: ownershipFromItem(stored.item) };
  const plan = at(reasons, layout.plan);
  // The plan's counter over its write rate (or held by other transactions) once the client's
  // retries are spent: the use case re-reads the plan and tries again (a sale that ended
  // meanwhile is then a clean SOLD_OUT).
  if (isContended(plan)) return storeErrors.throttled("plan", planId);
  if (isConditionFailed(plan)) {
    const old = plan?.item;
    if (old === undefined) return storeErrors.planNotFound(planId);
    if (old.status !== "open") return storeErrors.notOpen(planId, String(old.status));
    if (
      old.totalShares !== command.totalShares ||
      old.maxSharesPerOwner !== command.maxSharesPerOwner
    )
      return storeErrors.versionConflict("plan", planId);
    const remaining = (old.totalShares as number) - (old.sharesTaken as number);
    if (fromOffer === undefined && ownership.shares > remaining)
      return storeErrors.soldOut(planId, remaining, ownership.shares);
    return storeErrors.versionConflict("plan", planId);
  }
  const offer = at(reasons, layout.offer);
  if (fromOffer !== undefined && isConditionFailed(offer)) {
    const old = offer?.item;
    if (old === undefined || old.ownerId !== ownership.ownerId)
      return storeErrors.offerNotFound(planId, fromOffer.offerId);
    return storeErrors.offerExpired(fromOffer.offerId, String(old.expiresAt));
  }
  const count = at(reasons, layout.ownerShares);
  if (isConditionFailed(count))
    return storeErrors.ownerLimit(
      planId,
      command.maxSharesPerOwner,
      (count?.item?.shares as number | undefined) ?? 0,
    );
  if (isConditionFailed(at(reasons, layout.waitlistHead)))
    return storeErrors.versionConflict("waitlist", planId);
  if (command.creditSpend !== undefined && isConditionFailed(at(reasons, layout.credit)))
    return storeErrors.creditInsufficient(ownership.ownerId, command.creditSpend.producerId);
  return undefined;
};

/** A version-checked change of one ownership failed: gone, or changed since it was read. */
const changeFailure = (
  command: { readonly ownership: Ownership },
  layout: TransactionLayout,
  reasons: readonly CancellationReason[],
) => {
  const stored = at(reasons, layout.ownership);
  if (isConditionFailed(stored))
    return stored?.item === undefined
      ? storeErrors.ownershipNotFound(command.ownership.id)
      : storeErrors.versionConflict("ownership", command.ownership.id);
  if (isConditionFailed(at(reasons, layout.ownerShares)))
    return storeErrors.versionConflict("ownership", command.ownership.id);
  return undefined;
};

const cancelFailure = (
  command: CancelCommand,
  layout: TransactionLayout,
  reasons: readonly CancellationReason[],
) => {
  const { ownership } = command;
  const stored = at(reasons, layout.ownership);
  if (isConditionFailed(stored))
    return stored?.item === undefined
      ? storeErrors.ownershipNotFound(ownership.id)
      : storeErrors.versionConflict("ownership", ownership.id);
  const plan = at(reasons, layout.plan);
  if (isConditionFailed(plan)) {
    const started = plan?.item?.allocationStartedAt;
    return typeof started === "string"
      ? allocationStartedError(ownership.id, started)
      : storeErrors.planNotFound(ownership.planId);
  }
  if (isConditionFailed(at(reasons, layout.waitlistHead)))
    return storeErrors.versionConflict("waitlist", ownership.planId);
  if (isConditionFailed(at(reasons, layout.ownerShares)))
    return storeErrors.versionConflict("ownership", ownership.id);
  if (isConditionFailed(at(reasons, layout.refundIntent)))
    return storeErrors.duplicate("refund intent", command.refundIntent?.id ?? ownership.id);
  const bookingIntents = command.bookingReleases?.refundIntents ?? [];
  if (layout.bookingRefundIntents !== undefined) {
    const start = layout.bookingRefundIntents;
    const taken = bookingIntents.find((_, i) => isConditionFailed(at(reasons, start + i)));
    if (taken !== undefined) return storeErrors.duplicate("refund intent", taken.id);
  }
  // A released booking changed since it was read (cancelled by its owner, say): read them again.
  // (The change's own notices and tallies come after the releases: they are not bookings.)
  const releasesEnd = layout.notices?.[0] ?? layout.items.length;
  if (
    layout.bookings !== undefined &&
    reasons.slice(layout.bookings, releasesEnd).some(isConditionFailed)
  )
    return storeErrors.versionConflict("ownership", ownership.id);
  return undefined;
};

/** Attempts of a write whose tally conditions met a concurrent change of the owner's standing. */
const TALLY_ATTEMPTS = 5;

/**
 * Sends one transaction, with the producer summary's tallies added to it; a cancellation is
 * turned into the port's answer by `explain`, unless only the owner's standing moved since the
 * tallies were computed: then they are computed again and the write retried.
 */
const transact = <A>(
  ctx: DynamoContext,
  layout: TransactionLayout,
  tally: {
    readonly ledgerEntries: readonly LedgerEntry[];
    readonly move?: PaidMove;
    readonly producer?: { readonly planId: string; readonly producerId: string };
  },
  explain: (reasons: readonly CancellationReason[]) => A | AppError | undefined,
  success: () => A,
): TE.TaskEither<AppError, A> =>
  TE.tryCatch(
    async () => {
      let current = layout;
      for (let attempt = 1; ; attempt += 1) {
        const tallied = await withTallies(
          ctx,
          current,
          tally.ledgerEntries,
          tally.move,
          tally.producer,
        );
        try {
          await ctx.doc.send(new TransactWriteCommand({ TransactItems: tallied.items }));
          return success();
        } catch (error) {
          const reasons = cancellationReasons(error);
          // Only notices already in the outbox failed: the change goes ahead without them.
          const fresh =
            reasons === undefined || current.notices === undefined
              ? undefined
              : withoutStoredNotices({ items: tallied.items, notices: current.notices }, reasons);
          if (fresh !== undefined && reasons !== undefined) {
            current = {
              ...current,
              items: current.items.filter((_, i) => !isConditionFailed(reasons[i])),
              notices: fresh.notices,
            };
            continue;
          }
          if (
            reasons !== undefined &&
            attempt < TALLY_ATTEMPTS &&
            standingMoved(tallied, reasons, tally.move)
          )
            continue;
          const explained = reasons === undefined ? undefined : explain(reasons);
          if (explained === undefined) throw error;
          if (isAppError(explained)) throw explained;
          return explained;
        }
      }
    },
    (error) => (isAppError(error) ? error : storeUnavailable(error)),
  );

/** OwnershipStore on the single table: each reservation and cancellation is one TransactWriteItems. */
export const makeDynamoOwnershipStore = (ctx: DynamoContext): OwnershipStore => {
  const { doc, tableName } = ctx;
  return {
    reserve: (command) => {
      const layout = withNotices(
        tableName,
        reserveTransaction(tableName, command),
        command.notices,
      );
      const { ownership } = command;
      rememberProducer(ctx, ownership.planId, command.producerId);
      return transact<ReserveOutcome>(
        ctx,
        layout,
        {
          ledgerEntries: command.ledgerEntries,
          // Paid at once (free, or all by credit): its shares count as sold now.
          ...(ownership.status === "active"
            ? { move: { ownership, shares: ownership.shares, legacyActive: "zero" as const } }
            : {}),
          producer: { planId: ownership.planId, producerId: command.producerId },
        },
        (reasons) => reserveFailure(command, layout, reasons),
        () => ({ kind: "reserved", ownership: command.ownership }),
      );
    },

    cancel: (command) => {
      const layout = withNotices(tableName, cancelTransaction(tableName, command), command.notices);
      const paid = (command.expectedStatus ?? "active") === "active";
      return transact<Ownership>(
        ctx,
        layout,
        {
          ledgerEntries: command.ledgerEntries,
          ...(paid
            ? {
                move: {
                  ownership: command.ownership,
                  shares: -command.ownership.shares,
                  legacyActive: "shares" as const,
                },
              }
            : {}),
        },
        (reasons) => cancelFailure(command, layout, reasons),
        () => command.ownership,
      );
    },

    confirmPayment: (command) => {
      const layout = withNotices(
        tableName,
        confirmPaymentTransaction(tableName, command),
        command.notices,
      );
      return transact<Ownership>(
        ctx,
        layout,
        {
          ledgerEntries: command.ledgerEntries,
          move: {
            ownership: command.ownership,
            shares: command.ownership.shares,
            legacyActive: "zero",
          },
        },
        (reasons) => changeFailure(command, layout, reasons),
        () => command.ownership,
      );
    },

    amend: (command) => {
      const layout = withNotices(tableName, amendTransaction(tableName, command), command.notices);
      return transact<Ownership>(
        ctx,
        layout,
        { ledgerEntries: command.ledgerEntries },
        (reasons) => changeFailure(command, layout, reasons),
        () => command.ownership,
      );
    },

    listExpiredHolds: (now, limit) =>
      pipe(
        attempt(async () => {
          const output = await doc.send(
            new QueryCommand({
              TableName: tableName,
              KeyConditionExpression: "PK = :pk AND SK < :bound",
              ExpressionAttributeValues: {
                ":pk": holdKeys.partition,
                ":bound": holdKeys.endedBound(now),
              },
              Limit: limit,
              ConsistentRead: true,
            }),
          );
          return (output.Items ?? []).map((item) => String(item.ownershipId));
        }),
        TE.chain((ids) =>
          attempt(async () => {
            const found: Ownership[] = [];
            for (const id of ids) {
              const output = await doc.send(
                new GetCommand({
                  TableName: tableName,
                  Key: ownershipKeys.item(id),
                  ConsistentRead: true,
                }),
              );
              if (output.Item === undefined) continue;
              const ownership = ownershipFromItem(output.Item as Item);
              // A marker outlives its hold only if written by hand: the ownership decides.
              if (isHoldOver(ownership, now)) found.push(ownership);
            }
            return found;
          }),
        ),
      ),

    get: (id) =>
      attempt(async () => {
        const output = await doc.send(
          new GetCommand({
            TableName: tableName,
            Key: ownershipKeys.item(id),
            ConsistentRead: true,
          }),
        );
        return output.Item === undefined ? O.none : O.some(ownershipFromItem(output.Item as Item));
      }),

    findByPaymentIntent: (paymentIntentId) =>
      attempt(async () => {
        const pointer = await doc.send(
          new GetCommand({
            TableName: tableName,
            Key: paymentIntentKeys.item(paymentIntentId),
            ConsistentRead: true,
          }),
        );
        const id = pointer.Item?.ownershipId as string | undefined;
        if (id === undefined) return O.none;
        const output = await doc.send(
          new GetCommand({
            TableName: tableName,
            Key: ownershipKeys.item(id),
            ConsistentRead: true,
          }),
        );
        return output.Item === undefined ? O.none : O.some(ownershipFromItem(output.Item as Item));
      }),

    listDisputed: (page) =>
      queryPage(
        ctx,
        {
          KeyConditionExpression: "PK = :pk",
          ExpressionAttributeValues: { ":pk": disputeKeys.partition },
        },
        page,
        "disputed-ownerships",
        ownershipFromItem,
      ),

    listByOwner: (ownerId, page) =>
      queryPage(
        ctx,
        {
          IndexName: "GSI1",
          KeyConditionExpression: "GSI1PK = :pk AND begins_with(GSI1SK, :prefix)",
          ExpressionAttributeValues: {
            ":pk": ownershipKeys.byOwner(ownerId),
            ":prefix": ownershipKeys.byOwnerSortPrefix,
          },
          ScanIndexForward: false,
        },
        page,
        `ownerships-of-owner:${ownerId}`,
        ownershipFromItem,
      ),

    listByPlan: (planId, page) =>
      queryPage(
        ctx,
        {
          IndexName: "GSI2",
          KeyConditionExpression: "GSI2PK = :pk",
          ExpressionAttributeValues: { ":pk": ownershipKeys.byPlan(planId) },
        },
        page,
        `ownerships-of-plan:${planId}`,
        ownershipFromItem,
      ),

    ownerActiveShares: (planId, ownerId) =>
      attempt(async () => {
        const output = await doc.send(
          new GetCommand({
            TableName: tableName,
            Key: ownershipKeys.ownerShares(planId, ownerId),
            ConsistentRead: true,
          }),
        );
        return (output.Item?.activeShares as number | undefined) ?? 0;
      }),

    ownerHeldShares: (planId, ownerId) =>
      attempt(async () => {
        const output = await doc.send(
          new GetCommand({
            TableName: tableName,
            Key: ownershipKeys.ownerShares(planId, ownerId),
            ConsistentRead: true,
          }),
        );
        return (output.Item?.shares as number | undefined) ?? 0;
      }),

    listByOwnerAndProducer: (ownerId, producerId) =>
      TE.map((items: Item[]) => items.map(ownershipFromItem))(
        queryAll(ctx, {
          IndexName: "GSI3",
          KeyConditionExpression: "GSI3PK = :pk",
          ExpressionAttributeValues: {
            ":pk": ownershipKeys.byOwnerAndProducer(ownerId, producerId),
          },
        }),
      ),
  };
};
