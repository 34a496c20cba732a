import { TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import {
  type AuditIndex,
  type AuditLog,
  type AuditQuery,
  canonicalJson,
  type LedgerRepository,
  storeErrors,
} from "@owners/app";
import type { AuditEntry, LedgerEntry } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { DynamoContext } from "./client.ts";
import { cancellationReasons, isAppError, storeUnavailable } from "./dynamo-errors.ts";
import { type QuerySpec, queryAll, queryPage } from "./dynamo-query.ts";
import type { Item } from "./item.ts";
import {
  auditEntryFromItem,
  auditEntryToItem,
  ledgerEntryFromItem,
  ledgerEntryToItem,
} from "./ledger-mapper.ts";
import { producersOfPlans } from "./plan-producers.ts";
import { ledgerTallyUpdates } from "./producer-tally-items.ts";
import { auditKeys, ledgerKeys } from "./reservation-keys.ts";
import { MAX_TRANSACTION_ITEMS } from "./reservation-transactions.ts";

const byAtThenId = <T extends { readonly at: string; readonly id: string }>(a: T, b: T): number =>
  a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

type Pending =
  | { readonly kind: "ledger"; readonly entry: LedgerEntry }
  | { readonly kind: "audit"; readonly entry: AuditEntry };

const itemOf = (p: Pending) =>
  p.kind === "ledger" ? ledgerEntryToItem(p.entry) : auditEntryToItem(p.entry);
const storedAs = (p: Pending, item: Item) =>
  canonicalJson(p.kind === "ledger" ? ledgerEntryFromItem(item) : auditEntryFromItem(item)) ===
  canonicalJson(p.entry);

/**
 * Appends with one TransactWriteItems of conditional puts (attribute_not_exists), each returning
 * the stored item when it already exists. An identical stored entry is a retried append: it is
 * dropped and the rest is sent again. A different one is STORE.DUPLICATE and nothing is written.
 */
const appendAll = async (
  ctx: DynamoContext,
  pending: Pending[],
  producers: ReadonlyMap<string, string>,
): Promise<void> => {
  let remaining = pending;
  while (remaining.length > 0) {
    const batch = remaining;
    // The plans' tallies move with the entries actually written (a re-append moves nothing).
    const entries = batch.flatMap((p) => (p.kind === "ledger" ? [p.entry] : []));
    const tallies = ledgerTallyUpdates(
      ctx.tableName,
      entries.filter((e) => producers.has(e.planId)),
      (planId) => producers.get(planId) as string,
    );
    try {
      await ctx.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            ...batch.map((p) => ({
              Put: {
                TableName: ctx.tableName,
                Item: itemOf(p),
                ConditionExpression: "attribute_not_exists(PK)",
                ReturnValuesOnConditionCheckFailure: "ALL_OLD" as const,
              },
            })),
            ...tallies,
          ],
        }),
      );
      return;
    } catch (error) {
      const reasons = cancellationReasons(error);
      if (reasons === undefined || !reasons.some((r) => r.code === "ConditionalCheckFailed"))
        throw error;
      const existing = new Set<number>();
      reasons.forEach((reason, i) => {
        const p = batch[i] as Pending;
        if (reason.code !== "ConditionalCheckFailed") return;
        if (reason.item === undefined || !storedAs(p, reason.item))
          throw storeErrors.duplicate(
            p.kind === "ledger" ? "ledger entry" : "audit entry",
            p.entry.id,
          );
        existing.add(i);
      });
      remaining = batch.filter((_, i) => !existing.has(i));
    }
  }
};

/** Splits pending writes so that each chunk's entries plus one tally per plan fit a transaction. */
const chunksWithTallies = (pending: readonly Pending[], limit: number): Pending[][] => {
  const chunks: Pending[][] = [];
  let chunk: Pending[] = [];
  let plans = new Set<string>();
  for (const p of pending) {
    const plan = p.kind === "ledger" ? p.entry.planId : undefined;
    const extra = plan !== undefined && !plans.has(plan) ? 1 : 0;
    if (chunk.length + plans.size + 1 + extra > limit) {
      chunks.push(chunk);
      chunk = [];
      plans = new Set();
    }
    chunk.push(p);
    if (plan !== undefined) plans.add(plan);
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
};

/** LedgerRepository on the single table: a plan's entries share one partition, keyed by ownership. */
export const makeDynamoLedgerRepository = (ctx: DynamoContext): LedgerRepository => ({
  append: (entries, audit) =>
    TE.tryCatch(
      async () => {
        const pending: Pending[] = [
          ...entries.map((entry) => ({ kind: "ledger" as const, entry })),
          ...audit.map((entry) => ({ kind: "audit" as const, entry })),
        ];
        const producers = await producersOfPlans(
          ctx,
          entries.map((e) => e.planId),
        );
        // All or nothing within one transaction's limit (entries and one tally per plan); a
        // longer append goes in several.
        for (const chunk of chunksWithTallies(pending, MAX_TRANSACTION_ITEMS))
          await appendAll(ctx, chunk, producers);
      },
      (error) => (isAppError(error) ? error : storeUnavailable(error)),
    ),

  listByPlan: (planId) =>
    pipe(
      queryAll(ctx, {
        KeyConditionExpression: "PK = :pk",
        ExpressionAttributeValues: { ":pk": ledgerKeys.partition(planId) },
        ConsistentRead: true,
      }),
      TE.map((items) => items.map(ledgerEntryFromItem).sort(byAtThenId)),
    ),

  listByOwnership: (planId, ownershipId) =>
    pipe(
      queryAll(ctx, {
        KeyConditionExpression: "PK = :pk AND begins_with(SK, :prefix)",
        ExpressionAttributeValues: {
          ":pk": ledgerKeys.partition(planId),
          ":prefix": ledgerKeys.ofOwnership(ownershipId),
        },
        ConsistentRead: true,
      }),
      TE.map((items) => items.map(ledgerEntryFromItem).sort(byAtThenId)),
    ),
});

const AUDIT_INDEXES = {
  subject: "GSI1",
  plan: "GSI2",
  actor: "GSI3",
} as const satisfies Record<AuditIndex["by"], string>;

const auditPartition = (index: AuditIndex): string =>
  index.by === "subject"
    ? auditKeys.bySubject(index.subjectType, index.subjectId)
    : index.by === "plan"
      ? auditKeys.byPlan(index.planId)
      : auditKeys.byActor(index.actorId);

/**
 * One Query for a search: the index's partition, the time range on its sort key (`<at>#<id>`, so
 * `to` is extended past any id at that instant), the actor as a filter on the other indexes.
 */
export const auditSearchSpec = (query: AuditQuery): QuerySpec => {
  const name = AUDIT_INDEXES[query.index.by];
  const range =
    query.from !== undefined && query.to !== undefined
      ? ` AND ${name}SK BETWEEN :from AND :to`
      : query.from !== undefined
        ? ` AND ${name}SK >= :from`
        : query.to !== undefined
          ? ` AND ${name}SK <= :to`
          : "";
  const byActor = query.actorId !== undefined && query.index.by !== "actor";
  return {
    IndexName: name,
    KeyConditionExpression: `${name}PK = :pk${range}`,
    ...(byActor
      ? {
          FilterExpression: "#actor.#id = :actor",
          ExpressionAttributeNames: { "#actor": "actor", "#id": "id" },
        }
      : {}),
    ExpressionAttributeValues: {
      ":pk": auditPartition(query.index),
      ...(query.from !== undefined ? { ":from": query.from } : {}),
      ...(query.to !== undefined ? { ":to": `${query.to}#\uffff` } : {}),
      ...(byActor ? { ":actor": query.actorId } : {}),
    },
  };
};

/**
 * AuditLog on the single table: entries keyed by id, found by subject (GSI1), plan (GSI2) or
 * actor (GSI3).
 */
export const makeDynamoAuditLog = (ctx: DynamoContext): AuditLog => ({
  search: (query, page) =>
    queryPage(
      ctx,
      auditSearchSpec(query),
      page,
      `audit:${JSON.stringify(query)}`,
      auditEntryFromItem,
    ),
  listBySubject: (subjectType, subjectId) =>
    pipe(
      queryAll(ctx, {
        IndexName: "GSI1",
        KeyConditionExpression: "GSI1PK = :pk",
        ExpressionAttributeValues: { ":pk": auditKeys.bySubject(subjectType, subjectId) },
      }),
      TE.map((items) => items.map(auditEntryFromItem).sort(byAtThenId)),
    ),
  listByPlan: (planId) =>
    pipe(
      queryAll(ctx, {
        IndexName: "GSI2",
        KeyConditionExpression: "GSI2PK = :pk",
        ExpressionAttributeValues: { ":pk": auditKeys.byPlan(planId) },
      }),
      TE.map((items) => items.map(auditEntryFromItem).sort(byAtThenId)),
    ),
});
