import { ScanCommand, type ScanCommandOutput } from "@aws-sdk/client-dynamodb";
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { unmarshall } from "@aws-sdk/util-dynamodb";
import type { BatchPorts } from "@owners/app";
import { type HarvestWorld, makeHarvestWorld, succeed } from "@owners/app/testing";
import { instant, type Plan } from "@owners/domain";
import { makeDynamoAllocationRepository } from "../allocation-repository.ts";
import { makeDynamoBatchStores } from "../batch-stores.ts";
import { makeDynamoCommunicationRepository } from "../communication-repository.ts";
import { makeDynamoExperienceStore } from "../experience-store.ts";
import { makeDynamoHarvestRepository } from "../harvest-repository.ts";
import type { Item } from "../item.ts";
import { makeDynamoOutbox } from "../outbox.ts";
import { makeDynamoOwnerProfileRepository } from "../owner-profile-repository.ts";
import { makeDynamoReservationStores } from "../reservation-stores.ts";
import { makeDynamoShipmentRepository } from "../shipment-repository.ts";
import type { TestTable } from "./dynamo-test-table.ts";

export interface BatchWorld {
  readonly world: HarvestWorld;
  /** Every port the batches use, storing ones on DynamoDB; payments and notifier in memory. */
  readonly deps: BatchPorts;
}

/** The harvest world with every storing port and the batch stores on the test table. */
export const makeDynamoBatchWorld = (table: TestTable): BatchWorld => {
  const world = makeHarvestWorld({
    reservation: makeDynamoReservationStores(table),
    harvests: makeDynamoHarvestRepository(table),
    allocations: makeDynamoAllocationRepository(table),
    shipments: makeDynamoShipmentRepository(table),
    experiences: makeDynamoExperienceStore(table),
    communication: makeDynamoCommunicationRepository(table),
    outbox: makeDynamoOutbox(table),
    profiles: makeDynamoOwnerProfileRepository(table),
  });
  return { world, deps: { ...world.deps, ...makeDynamoBatchStores(table) } };
};

const REGIONS = ["kanto", "kinki", "tohoku", "kyushu"];

/**
 * Four closed plans of six owners each, harvested: a short one settled by refunds, a full one, a
 * short one settled by credit, and one with a standard and an off-spec lot. One owner in six has
 * no address (their shipments are reported unshippable).
 */
export const seedHarvestedPlans = async (world: HarvestWorld): Promise<Plan[]> => {
  const specs = [
    { id: "plan_a", riskTerms: "refund", lots: [["lot_a1", 30]] },
    { id: "plan_b", riskTerms: "refund", lots: [["lot_b1", 48]] },
    { id: "plan_c", riskTerms: "credit", lots: [["lot_c1", 36]] },
    {
      id: "plan_d",
      riskTerms: "refund",
      lots: [
        ["lot_d1", 40],
        ["lot_d2", 6, "offspec"],
      ],
    },
  ] as const;
  const plans: Plan[] = [];
  for (const [p, spec] of specs.entries()) {
    const plan = await world.openPlan(spec.id, {
      totalShares: 20,
      maxSharesPerOwner: 3,
      riskTerms: spec.riskTerms,
    });
    for (let i = 0; i < 6; i++) await world.reserve(plan, `owner_${p}${i}`, (i % 3) + 1, i);
    const closed = await world.closePlan(plan.id);
    for (const [l, [lot, quantity, grade]] of spec.lots.entries())
      await world.addLot(closed, lot, quantity, {
        grade: grade ?? "standard",
        recordedAt: instant(`2026-07-20T00:00:0${l}.000Z`),
      });
    // Declared complete: the allocation batch settles the shortfall (it waits for that).
    plans.push(
      await succeed(
        world.deps.plans.save({ ...closed, harvestCompletedAt: world.clock.now() }, closed.version),
      ),
    );
  }
  for (let p = 0; p < specs.length; p++)
    for (let i = 1; i < 6; i++) await world.giveAddress(`owner_${p}${i}`, REGIONS[(p + i) % 4]);
  return plans;
};

/**
 * Every item of the table except the batch runner's own (run ids and timestamps differ between
 * runs by design), sorted by key. A test may Scan; the app never does.
 */
export const tableSnapshot = async (table: TestTable): Promise<Item[]> => {
  const items: Item[] = [];
  let start: ScanCommandOutput["LastEvaluatedKey"];
  do {
    const page = await table.raw.send(
      new ScanCommand({
        TableName: table.tableName,
        ConsistentRead: true,
        ...(start === undefined ? {} : { ExclusiveStartKey: start }),
      }),
    );
    items.push(...(page.Items ?? []).map((item) => unmarshall(item) as Item));
    start = page.LastEvaluatedKey;
  } while (start !== undefined);
  const key = (item: Item) => `${String(item.PK)}\u0000${String(item.SK)}`;
  return items
    .filter((item) => !String(item.PK).startsWith("BATCH#"))
    .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
};

export interface CrashSwitch {
  /** Whether the crash happened. */
  crashed(): boolean;
  /** Requests go through again (a new process on the same table). */
  heal(): void;
}

const text = (value: unknown): unknown =>
  typeof value === "object" && value !== null && "S" in value ? (value as { S: string }).S : value;
const number = (value: unknown): unknown =>
  typeof value === "object" && value !== null && "N" in value
    ? Number((value as { N: string }).N)
    : value;

/**
 * Kills the client the way a crashed process stops talking to DynamoDB: once the sweep of
 * `batch` has saved its checkpoint after `afterChunks` chunks, `thenRequests` more requests go
 * through (the next chunk's first writes), then every request fails, the lease release included.
 */
export const crashAfterChunks = (
  doc: DynamoDBDocumentClient,
  batch: string,
  afterChunks: number,
  thenRequests: number,
): CrashSwitch => {
  let armed = false;
  let left = 0;
  let dead = false;
  let healed = false;
  doc.middlewareStack.add(
    (next) => async (args) => {
      if (healed) return next(args);
      if (armed) {
        if (left === 0) dead = true;
        left -= 1;
      }
      if (dead) throw new Error("the batch process crashed (injected)");
      const result = await next(args);
      const item = (args.input as { Item?: Record<string, unknown> }).Item;
      if (
        item !== undefined &&
        text(item.SK) === "CHECKPOINT" &&
        text(item.batch) === batch &&
        text(item.scope) === "all" &&
        number(item.chunks) === afterChunks
      ) {
        armed = true;
        left = thenRequests;
      }
      return result;
    },
    { step: "initialize", name: "crashAfterChunks" },
  );
  return {
    crashed: () => dead,
    heal: () => {
      healed = true;
    },
  };
};
