import * as E from "fp-ts/lib/Either.js";
import { batchGetAll } from "./batch-write.ts";
import type { DynamoContext } from "./client.ts";
import { planKeys } from "./reservation-keys.ts";

/**
 * Which producer made each plan: a plan's producer never changes, so it is remembered per table
 * (bounded) and a write that only knows plan ids (ledger entries) reads it once per plan.
 */
const known = new Map<string, string>();
const MAX_KNOWN = 50_000;

/** The producers of these plans; a plan not stored is missing from the map. */
export const producersOfPlans = async (
  ctx: DynamoContext,
  planIds: Iterable<string>,
): Promise<Map<string, string>> => {
  const found = new Map<string, string>();
  const missing: string[] = [];
  for (const planId of new Set(planIds)) {
    const producer = known.get(`${ctx.tableName}|${planId}`);
    if (producer === undefined) missing.push(planId);
    else found.set(planId, producer);
  }
  if (missing.length === 0) return found;
  // A plan's producer never changes: an eventually consistent, projected read is enough. Keys
  // left unprocessed (throttling) are resent with backoff: a plan left out would lose its tally.
  const read = await batchGetAll(ctx, missing.map(planKeys.item), {
    consistent: false,
    projection: "id, producerId",
  })();
  if (E.isLeft(read)) throw new Error(`the plans' producers were not read: ${read.left.message}`);
  for (const item of read.right) {
    if (known.size >= MAX_KNOWN) known.clear();
    known.set(`${ctx.tableName}|${String(item.id)}`, String(item.producerId));
    found.set(String(item.id), String(item.producerId));
  }
  return found;
};

/** Remembers a producer learnt from a write that carries it (a reservation). */
export const rememberProducer = (ctx: DynamoContext, planId: string, producerId: string): void => {
  if (known.size >= MAX_KNOWN) known.clear();
  known.set(`${ctx.tableName}|${planId}`, producerId);
};
