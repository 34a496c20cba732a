import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import type { AnalyticsEntity, AnalyticsRecord, AnalyticsSource, AppError } from "@owners/app";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { DynamoContext } from "./client.ts";
import { attempt } from "./dynamo-query.ts";
import { bookingFromItem, experienceFromItem } from "./experience-mapper.ts";
import { harvestLotFromItem } from "./harvest-lot-mapper.ts";
import type { Item } from "./item.ts";
import { ledgerEntryFromItem } from "./ledger-mapper.ts";
import { lotAllocationFromItem } from "./lot-allocation-mapper.ts";
import { ownershipFromItem } from "./ownership-mapper.ts";
import { planFromItem } from "./plan-mapper.ts";
import { shipmentFromItem } from "./shipment-mapper.ts";

/**
 * The stored `entity` attribute of each exported kind and how its item becomes the domain value:
 * the adapters' own mappers, so the export sees exactly what the app sees.
 */
const DECODERS: Readonly<Record<string, (item: Item) => AnalyticsRecord>> = {
  plan: (item) => ({ entity: "plans", value: planFromItem(item) }),
  ownership: (item) => ({ entity: "ownerships", value: ownershipFromItem(item) }),
  harvestLot: (item) => ({ entity: "harvest_lots", value: harvestLotFromItem(item) }),
  lotAllocation: (item) => ({ entity: "allocations", value: lotAllocationFromItem(item) }),
  shipment: (item) => ({ entity: "shipments", value: shipmentFromItem(item) }),
  "ledger-entry": (item) => ({ entity: "ledger_entries", value: ledgerEntryFromItem(item) }),
  experience: (item) => ({ entity: "experiences", value: experienceFromItem(item) }),
  experienceBooking: (item) => ({ entity: "bookings", value: bookingFromItem(item) }),
} satisfies Record<string, (item: Item) => { entity: AnalyticsEntity }>;

const STORED_KINDS = Object.keys(DECODERS);

/**
 * One segment of a parallel Scan, decoded. THE one Scan of the codebase (DESIGN.md: no Scan outside
 * the analytics export): every other read is a GetItem, BatchGetItem or Query. Reading the whole
 * table is what a full export is; the filter on `entity` only saves transfer (DynamoDB bills the
 * items scanned, not the items returned).
 */
export const scanSegment = (
  ctx: Pick<DynamoContext, "doc" | "tableName">,
  segment: number,
  totalSegments: number,
  decode: boolean,
): TE.TaskEither<AppError, { records: AnalyticsRecord[]; items: number }> =>
  TE.tryCatch(
    async () => {
      const records: AnalyticsRecord[] = [];
      let items = 0;
      let start: Record<string, unknown> | undefined;
      do {
        const page = await attempt(() =>
          ctx.doc.send(
            new ScanCommand({
              TableName: ctx.tableName,
              Segment: segment,
              TotalSegments: totalSegments,
              ExclusiveStartKey: start,
              FilterExpression: `#entity IN (${STORED_KINDS.map((_, i) => `:k${i}`).join(", ")})`,
              ExpressionAttributeNames: { "#entity": "entity" },
              ExpressionAttributeValues: Object.fromEntries(
                STORED_KINDS.map((kind, i) => [`:k${i}`, kind]),
              ),
            }),
          ),
        )();
        if (page._tag === "Left") throw page.left;
        items += page.right.Items?.length ?? 0;
        if (decode)
          for (const item of page.right.Items ?? []) {
            const decoder = DECODERS[item.entity as string];
            if (decoder !== undefined) records.push(decoder(item));
          }
        start = page.right.LastEvaluatedKey;
      } while (start !== undefined);
      return { records, items };
    },
    (error) => error as AppError,
  );

/** AnalyticsSource on the single table: each segment is a segment of a parallel Scan. */
export const makeDynamoAnalyticsSource = (
  ctx: Pick<DynamoContext, "doc" | "tableName">,
): AnalyticsSource => ({
  readSegment: (segment, totalSegments) =>
    TE.map((read: { records: AnalyticsRecord[] }) => read.records)(
      scanSegment(ctx, segment, totalSegments, true),
    ),
});
