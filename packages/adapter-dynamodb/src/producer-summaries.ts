import type { ProducerSummaries } from "@owners/app";
import {
  type DayTally,
  type LedgerEntry,
  type LocalDate,
  type PlanId,
  type PlanStatus,
  type PlanTally,
  summaryFromTallies,
} from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { DynamoContext } from "./client.ts";
import { queryAll } from "./dynamo-query.ts";
import type { Item } from "./item.ts";
import { planKeys } from "./reservation-keys.ts";

const KINDS: readonly LedgerEntry["kind"][] = ["charge", "refund", "payout", "fee", "credit"];

/** What the summary shows of a plan and its tallies: plan items carry much more. */
const PROJECTED = [
  "entity",
  "id",
  "planId",
  "title",
  "status",
  "day",
  "shares",
  "sharesSold",
  "owners",
  "producerOwners",
  "repeatOwners",
  ...KINDS.map((kind) => `yen_${kind}`),
];

const num = (value: unknown) => (typeof value === "number" ? value : 0);

const tallyFromItem = (item: Item): PlanTally => {
  const yen: Partial<Record<LedgerEntry["kind"], number>> = {};
  for (const kind of KINDS)
    if (item[`yen_${kind}`] !== undefined) yen[kind] = num(item[`yen_${kind}`]);
  return {
    planId: String(item.planId),
    sharesSold: num(item.sharesSold),
    owners: num(item.owners),
    producerOwners: num(item.producerOwners),
    repeatOwners: num(item.repeatOwners),
    yen,
  };
};

/**
 * The producer summary in one Query of the producer's GSI1 partition: its plans (newest first,
 * only the attributes the summary shows) and the tallies the writes keep beside them.
 */
export const makeDynamoProducerSummaries = (ctx: DynamoContext): ProducerSummaries => ({
  summaryOf: (producerId) =>
    pipe(
      queryAll(ctx, {
        IndexName: "GSI1",
        KeyConditionExpression: "GSI1PK = :pk",
        ExpressionAttributeValues: { ":pk": planKeys.byProducer(producerId) },
        // Every name aliased: some are DynamoDB reserved words.
        ExpressionAttributeNames: Object.fromEntries(PROJECTED.map((name, i) => [`#p${i}`, name])),
        ProjectionExpression: PROJECTED.map((_, i) => `#p${i}`).join(", "),
        // Newest plans first, as the plan list by producer ("SUMMARY#…" keys come before them).
        ScanIndexForward: false,
      }),
      TE.map((items) => {
        const plans = items
          .filter((i) => i.entity === "plan")
          .map((i) => ({
            id: i.id as PlanId,
            title: String(i.title),
            status: i.status as PlanStatus,
          }));
        const tallies = items.filter((i) => i.entity === "plan-tally").map(tallyFromItem);
        const days: DayTally[] = items
          .filter((i) => i.entity === "day-tally")
          .map((i) => ({
            planId: String(i.planId),
            day: i.day as LocalDate,
            shares: num(i.shares),
          }));
        return summaryFromTallies(plans, tallies, days);
      }),
    ),
});
