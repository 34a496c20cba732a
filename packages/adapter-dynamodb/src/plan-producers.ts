import { BatchGetCommand } from "@aws-sdk/lib-dynamodb";
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
  for (let i = 0; i < missing.length; i += 100) {
    let keys: Record<string, unknown>[] = missing.slice(i, i + 100).map((id) => planKeys.item(id));
    // Unprocessed keys (throttling) are asked again: a plan left out would lose its tally.
    while (keys.length > 0) {
      const output = await ctx.doc.send(
        new BatchGetCommand({
          RequestItems: { [ctx.tableName]: { Keys: keys, ProjectionExpression: "id, producerId" } },
        }),
      );
      for (const item of output.Responses?.[ctx.tableName] ?? []) {
        if (known.size >= MAX_KNOWN) known.clear();
        known.set(`${ctx.tableName}|${String(item.id)}`, String(item.producerId));
        found.set(String(item.id), String(item.producerId));
      }
      keys = output.UnprocessedKeys?.[ctx.tableName]?.Keys ?? [];
    }
  }
  return found;
};

/** Remembers a producer learnt from a write that carries it (a reservation). */
export const rememberProducer = (ctx: DynamoContext, planId: string, producerId: string): void => {
  if (known.size >= MAX_KNOWN) known.clear();
  known.set(`${ctx.tableName}|${planId}`, producerId);
};
