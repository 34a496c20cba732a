import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import type { AnalyticsEntity, AnalyticsRecord, AnalyticsSource, AppError } from "@owners/app";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { DynamoContext } from "./client.ts";
import { attempt } from "./dynamo-query.ts";
import { bookingFromItem, experienceFromItem } from "./experience-mapper.ts";
import { harvestLotFromItem } from "./harvest-lot-mapper.ts";
import type { Item } from "./item.ts";
import { auditEntryFromItem, ledgerEntryFromItem } from "./ledger-mapper.ts";
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
  "audit-entry": (item) => ({ entity: "audit_entries", value: auditEntryFromItem(item) }),
  experience: (item) => ({ entity: "experiences", value: experienceFromItem(item) }),
  experienceBooking: (item) => ({ entity: "bookings", value: bookingFromItem(item) }),
} satisfies Record<string, (item: Item) => { entity: AnalyticsEntity }>;

const STORED_KINDS = Object.keys(DECODERS);

const scanPage = (
  ctx: Pick<DynamoContext, "doc" | "tableName">,
  segment: number,
  totalSegments: number,
  start: Record<string, unknown> | undefined,
) =>
  attempt(() =>
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

/**
 * One segment of a parallel Scan, page by page: THE one Scan of the codebase (DESIGN.md: no Scan
 * outside the analytics export; every other read is a GetItem, BatchGetItem or Query). Reading the
 * whole table is what a full export is; the filter on `entity` only saves transfer (DynamoDB bills
 * the items scanned, not the items returned). The next page is requested before `onPage` works on
 * this one, so the export's CPU work overlaps DynamoDB's. Returns the number of items.
 */
export const scanSegment = (
  ctx: Pick<DynamoContext, "doc" | "tableName">,
  segment: number,
  totalSegments: number,
  onPage: (items: readonly Item[]) => void,
): TE.TaskEither<AppError, number> =>
  TE.tryCatch(
    async () => {
      let items = 0;
      let pending = scanPage(ctx, segment, totalSegments, undefined);
      for (;;) {
        const page = await pending;
        if (page._tag === "Left") throw page.left;
        const next = page.right.LastEvaluatedKey;
        if (next !== undefined) pending = scanPage(ctx, segment, totalSegments, next);
        const found = page.right.Items ?? [];
        items += found.length;
        onPage(found);
        if (next === undefined) return items;
      }
    },
    (error) => error as AppError,
  );

/** AnalyticsSource on the single table: each segment is a segment of a parallel Scan. */
export const makeDynamoAnalyticsSource = (
  ctx: Pick<DynamoContext, "doc" | "tableName">,
): AnalyticsSource => ({
  readSegment: (segment, totalSegments, onPage) =>
    scanSegment(ctx, segment, totalSegments, (items) => {
      const records: AnalyticsRecord[] = [];
      for (const item of items) {
        const decode = DECODERS[item.entity as string];
        if (decode !== undefined) records.push(decode(item));
      }
      onPage(records);
    }),
});
