import { makeMemoryBatchStores } from "@owners/adapter-memory";
import { instant, type ParcelId, type Plan } from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { allPages } from "../../all-pages.ts";
import { type BatchPorts, runBatch } from "../../batch/registry.ts";
import { allocateHarvests } from "../../harvest/allocate-harvests.ts";
import type { StoredOutboxMessage } from "../../ports/outbox.ts";
import type { ParcelRecord } from "../../ports/parcel-store.ts";
import { failWith, succeed } from "../../testing/contracts/expect-task.ts";
import { type HarvestWorld, makeHarvestWorld, SYSTEM } from "../../testing/harvest-world.ts";
import { yamatoSlip } from "../../testing/tracking-numbers.ts";
import { B2_COLUMNS, b2Index } from "../carrier-files/b2-cloud-layout.ts";
import { csvRows, decodeCarrierFile } from "../carrier-files/csv-rows.ts";
import { csvField } from "../label-csv-format.ts";
import { scheduleShipments } from "../schedule-shipments.ts";
import { shipmentsCsv } from "../shipments-csv.ts";
import { confirmDelivery } from "./confirm-delivery.ts";
import { importTrackingFile } from "./import-tracking-file.ts";
import { listParcels } from "./list-parcels.ts";
import { markParcelShippedUseCase } from "./mark-parcel-shipped.ts";

const DAY = 86_400_000;

const yamato = yamatoSlip;

const setUp = async () => {
  const world = makeHarvestWorld();
  await world.giveAddress("alice", "kanto");
  await world.giveAddress("bob", "kyushu");
  const plan = await world.scheduledPlan(
    "plan_peaches",
    [
      ["alice", 2],
      ["bob", 1],
    ],
    [["lot_1", 40]],
  );
  const producer = world.producerOf(plan);
  const parcels = async () =>
    succeed(allPages((page) => world.deps.parcels.listByPlan(plan.id, page)));
  const list = await succeed(listParcels(world.deps)(producer, { planId: plan.id }));
  return { world, plan, producer, parcels, list };
};

const messagesOf = async (world: HarvestWorld, owner: string) =>
  (await succeed(allPages((page) => world.deps.outbox.listByRecipient(owner, page)))).filter(
    (m: StoredOutboxMessage) => m.kind.startsWith("parcel-"),
  );

const planStatus = async (world: HarvestWorld, plan: Plan) => {
  const stored = await succeed(world.deps.plans.get(plan.id));
  return stored._tag === "Some" ? stored.value.status : "missing";
};

describe("parcels to the door", () => {
  it("ships, confirms and auto-delivers every parcel, moving the plan to shipped then completed", async () => {
    const { world, plan, producer, parcels, list } = await setUp();
    const all = await parcels();
    expect(all.length).toBeGreaterThanOrEqual(2);
    expect(list.counts).toEqual({ total: all.length, shipped: 0, delivered: 0 });
    expect(list.planStatus).toBe("allocated");

    const ship = (p: ParcelRecord, i: number, carrier = "yamato") =>
      succeed(
        markParcelShippedUseCase(world.deps)(producer, {
          planId: plan.id,
          parcelId: p.id,
          carrier,
          trackingNumber: carrier === "yamato" ? yamato(i) : `JP${i}`,
        }),
      );
    const results = [];
    for (const [i, p] of all.entries())
      results.push(await ship(p, i, i === 0 ? "yamato" : "other"));
    expect(results.map((r) => r.outcome)).toEqual(all.map(() => "shipped"));
    // Only the last parcel to leave makes the plan shipped.
    expect(results.slice(0, -1).every((r) => r.planStatus === "allocated")).toBe(true);
    expect(results.at(-1)?.planStatus).toBe("shipped");
    expect(results[0]?.parcel.trackingUrl).toContain("kuronekoyamato.co.jp");
    expect(results[1]?.parcel.trackingUrl).toBeUndefined();
    // The same PUT again writes nothing and sends nothing.
    const again = await ship(all[0] as ParcelRecord, 0);
    expect(again.outcome).toBe("unchanged");

    const first = all[0] as ParcelRecord;
    const shippedToFirst = await messagesOf(world, first.ownerId);
    const firstShipped = shippedToFirst.find((m) => m.dedupeKey === `parcel-shipped#${first.id}`);
    expect(firstShipped?.params).toMatchObject({
      carrier: "yamato",
      trackingNumber: yamato(0),
      trackingUrl: expect.stringContaining(yamato(0)),
    });

    // The owner confirms the first parcel; the others are assumed after 7 days by the batch.
    const confirmed = await succeed(
      confirmDelivery(world.deps)(world.owner(first.ownerId), {
        planId: plan.id,
        parcelId: first.id,
      }),
    );
    expect(confirmed.parcel.progress).toMatchObject({ state: "delivered", confirmedBy: "owner" });
    expect(confirmed.planStatus).toBe("shipped");

    const deps: BatchPorts = { ...world.deps, ...makeMemoryBatchStores() };
    const early = await succeed(runBatch(deps)("deliver-parcels", {}));
    expect(early.counts).toMatchObject({ parcelsAssumedDelivered: 0 });
    expect(await planStatus(world, plan)).toBe("shipped");

    world.clock.advance(7 * DAY);
    const due = await succeed(runBatch(deps)("deliver-parcels", {}));
    expect(due.counts).toMatchObject({
      parcelsAssumedDelivered: all.length - 1,
      plansCompleted: 1,
    });
    expect(await planStatus(world, plan)).toBe("completed");
    const after = await parcels();
    expect(after.every((p) => p.progress.state === "delivered")).toBe(true);
    expect(
      after.filter((p) => p.progress.state === "delivered" && p.progress.confirmedBy === "auto"),
    ).toHaveLength(all.length - 1);

    // Exactly one shipped and one delivered message per parcel, whatever was repeated.
    const owners = [...new Set(all.map((p) => p.ownerId))];
    const messages = (await Promise.all(owners.map((o) => messagesOf(world, o)))).flat();
    for (const p of all) {
      expect(messages.filter((m) => m.dedupeKey === `parcel-shipped#${p.id}`)).toHaveLength(1);
      expect(messages.filter((m) => m.dedupeKey === `parcel-delivered#${p.id}`)).toHaveLength(1);
    }
    // A run after completion finds nothing left (completed plans are not swept).
    const later = await succeed(runBatch(deps)("deliver-parcels", {}));
    expect(later.counts.parcelsAssumedDelivered ?? 0).toBe(0);
  });

  it("takes the generic file row by row and says what it refused", async () => {
    const { world, plan, producer, parcels } = await setUp();
    const [a, b] = (await parcels()) as [ParcelRecord, ParcelRecord];
    const csv = [
      "parcel id,carrier,tracking number",
      `${a.id},ヤマト運輸,${yamato(7).slice(0, 4)}-${yamato(7).slice(4)}`,
      `${b.id},yamato,123456789010`,
      `${b.id},fedex,ABC`,
      "shp_nope.20260801,other,XYZ",
      "",
    ].join("\r\n");
    const report = await succeed(
      importTrackingFile(world.deps)(producer, {
        planId: plan.id,
        content: new TextEncoder().encode(csv),
      }),
    );
    expect(report.format).toBe("generic");
    expect(report.rows.map((r) => [r.row, r.outcome, r.code])).toEqual([
      [2, "shipped", undefined],
      [3, "refused", "PARCEL.INVALID_TRACKING"],
      [4, "refused", "VALIDATION.INVALID"],
      [5, "refused", "PARCEL.NOT_FOUND"],
    ]);
    expect(report.rows[0]?.trackingNumber).toBe(yamato(7));
    expect(report).toMatchObject({ shipped: 1, refused: 3 });
    // The same file again: the taken row is unchanged, nothing sent twice.
    const again = await succeed(
      importTrackingFile(world.deps)(producer, {
        planId: plan.id,
        content: new TextEncoder().encode(csv),
      }),
    );
    expect(again.rows[0]?.outcome).toBe("unchanged");
    expect(await messagesOf(world, a.ownerId)).toHaveLength(1);
  });

  it("reads a generic file under blank lines, asking the store only about the plan's parcels", async () => {
    const { world, plan, producer, parcels } = await setUp();
    const [a] = (await parcels()) as [ParcelRecord];
    // DynamoDB cannot even key an id past ~1 KB: such a row must never reach the store.
    const asked: string[] = [];
    const store = world.deps.parcels;
    const deps = {
      ...world.deps,
      parcels: {
        ...store,
        get: (planId: Plan["id"], id: ParcelId) => {
          asked.push(id);
          return store.get(planId, id);
        },
      },
    };
    const csv = [
      "",
      "parcel id,carrier,tracking number",
      `${a.id},yamato,${yamato(8)}`,
      `${"x".repeat(2000)},yamato,${yamato(9)}`,
      `shp_${plan.id}.20260801,yamato,${yamato(10)}`,
      "",
    ].join("\r\n");
    const report = await succeed(
      importTrackingFile(deps)(producer, {
        planId: plan.id,
        content: new TextEncoder().encode(csv),
      }),
    );
    expect(report.rows.map((r) => [r.row, r.outcome, r.code])).toEqual([
      [3, "shipped", undefined],
      [4, "refused", "PARCEL.NOT_FOUND"],
      [5, "refused", "PARCEL.NOT_FOUND"],
    ]);
    expect(asked.every((id) => id === a.id)).toBe(true);
  });

  it("reads B2クラウド's issued file back, passing over other shipments", async () => {
    const { world, plan, producer, parcels } = await setUp();
    const [a] = (await parcels()) as [ParcelRecord];
    const row = (key: string, slip: string) => {
      const cells = B2_COLUMNS.map(() => "");
      cells[b2Index("お客様管理番号")] = key;
      cells[b2Index("伝票番号")] = slip;
      return cells.join(",");
    };
    const file = [B2_COLUMNS.join(","), row(a.id, yamato(3)), row("someone-else", yamato(4))].join(
      "\r\n",
    );
    const report = await succeed(
      importTrackingFile(world.deps)(producer, {
        planId: plan.id,
        content: new TextEncoder().encode(file),
      }),
    );
    expect(report.format).toBe("b2-issued");
    expect(report.rows).toEqual([
      { row: 2, parcelId: a.id, outcome: "shipped", trackingNumber: yamato(3) },
    ]);
  });

  it("keeps the plan allocated until a later lot's parcels have left too", async () => {
    const world = makeHarvestWorld();
    await world.giveAddress("alice", "kanto");
    await world.giveAddress("bob", "kanto");
    const open = await world.openPlan("plan_two_lots");
    await world.reserve(open, "alice", 2, 0);
    await world.reserve(open, "bob", 1, 1);
    const plan = await world.closePlan(open.id);
    const producer = world.producerOf(plan);
    await world.addLot(plan, "lot_1", 6, { recordedAt: instant("2026-07-20T00:00:00.000Z") });
    await succeed(allocateHarvests(world.deps)(SYSTEM, { planId: plan.id }));
    await succeed(scheduleShipments(world.deps)(SYSTEM, { planId: plan.id }));
    // The producer looks at lot 1's parcels, then the last lot comes and is scheduled.
    await succeed(listParcels(world.deps)(producer, { planId: plan.id }));
    await world.addLot(plan, "lot_2", 6, {
      recordedAt: instant("2026-07-21T00:00:00.000Z"),
      readyOn: "2026-08-03",
      bestBefore: "2026-08-12",
    });
    await world.completeHarvest(plan);
    await succeed(scheduleShipments(world.deps)(SYSTEM, { planId: plan.id }));
    const lot1 = (
      await succeed(allPages((page) => world.deps.parcels.listByPlan(plan.id, page)))
    ).filter((p) => p.lotId === "lot_1");
    expect(lot1.length).toBeGreaterThan(0);
    let n = 0;
    for (const parcel of lot1) {
      const put = {
        planId: plan.id,
        parcelId: parcel.id,
        carrier: "yamato",
        trackingNumber: yamato(n++),
      };
      await succeed(markParcelShippedUseCase(world.deps)(producer, put));
      await succeed(
        confirmDelivery(world.deps)(world.owner(parcel.ownerId), {
          planId: plan.id,
          parcelId: parcel.id,
        }),
      );
    }
    // Lot 2's parcels are still at the farm: the plan has neither shipped nor completed.
    expect(await planStatus(world, plan)).toBe("allocated");
    const listed = await succeed(listParcels(world.deps)(producer, { planId: plan.id }));
    const lot2 = listed.items.filter((p) => p.lotId === "lot_2");
    expect(lot2.length).toBeGreaterThan(0);
    expect(lot2.map((p) => p.progress.state)).toEqual(lot2.map(() => "scheduled"));
  });

  it("ships every parcel of its own B2クラウド export, once B2 has filled in the slips", async () => {
    const { world, plan, producer, parcels } = await setUp();
    const exported = await succeed(
      shipmentsCsv(world.deps)(producer, { planId: plan.id, format: "b2" }),
    );
    const rows = csvRows(decodeCarrierFile(exported.body as Uint8Array));
    if (E.isLeft(rows)) throw new Error("the export is not CSV");
    const [header, ...labels] = rows.right.filter((cells) => cells.length > 1);
    // B2 prints a slip per label and writes its number back in the row it imported.
    const issued = [
      header as string[],
      ...labels.map((cells, i) =>
        cells.map((cell, c) => (c === b2Index("伝票番号") ? yamato(20 + i) : cell)),
      ),
    ];
    const file = issued.map((cells) => cells.map(csvField).join(",")).join("\r\n");
    const report = await succeed(
      importTrackingFile(world.deps)(producer, {
        planId: plan.id,
        content: new TextEncoder().encode(file),
      }),
    );
    const all = await parcels();
    expect(labels).toHaveLength(all.length);
    expect(report).toMatchObject({ format: "b2-issued", shipped: all.length, refused: 0 });
    expect((await parcels()).map((p) => p.progress.state)).toEqual(all.map(() => "shipped"));
  });

  it("refuses a file that is neither format, and people who may not act", async () => {
    const { world, plan, producer, parcels } = await setUp();
    const [a, b] = (await parcels()) as [ParcelRecord, ParcelRecord];
    const malformed = await failWith(
      importTrackingFile(world.deps)(producer, {
        planId: plan.id,
        content: new TextEncoder().encode("hello,world\n1,2\n"),
      }),
    );
    expect(malformed._tag).toBe("VALIDATION.INVALID");
    const unclosed = await failWith(
      importTrackingFile(world.deps)(producer, {
        planId: plan.id,
        content: new TextEncoder().encode('parcel id,carrier,tracking number\n"x,yamato,1\n'),
      }),
    );
    expect(unclosed.message).toContain("row 2");

    const put = { planId: plan.id, parcelId: a.id, carrier: "yamato", trackingNumber: yamato(1) };
    expect(
      (
        await failWith(
          markParcelShippedUseCase(world.deps)({ id: "farm-2", role: "producer" }, put),
        )
      )._tag,
    ).toBe("PLAN.NOT_PRODUCER");
    expect(
      (await failWith(markParcelShippedUseCase(world.deps)(producer, { ...put, carrier: "dhl" })))
        ._tag,
    ).toBe("VALIDATION.INVALID");
    expect(
      (
        await failWith(
          markParcelShippedUseCase(world.deps)(producer, {
            ...put,
            parcelId: "nope" as ParcelId,
          }),
        )
      )._tag,
    ).toBe("PARCEL.NOT_FOUND");

    // Not shipped yet: nothing to confirm. Someone else's parcel: not found.
    const owner = world.owner(a.ownerId);
    expect(
      (await failWith(confirmDelivery(world.deps)(owner, { planId: plan.id, parcelId: a.id })))
        ._tag,
    ).toBe("PARCEL.NOT_SHIPPED");
    const other = all2(a, b);
    expect(
      (
        await failWith(
          confirmDelivery(world.deps)(world.owner(other.stranger), {
            planId: plan.id,
            parcelId: a.id,
          }),
        )
      )._tag,
    ).toBe("PARCEL.NOT_FOUND");
    // Owners list only their own parcels.
    const mine = await succeed(listParcels(world.deps)(owner, { planId: plan.id }));
    expect(mine.items.every((p) => p.ownerId === a.ownerId)).toBe(true);
    expect(mine.items.length).toBeGreaterThan(0);
  });
});

/** An owner who is not `a`'s owner. */
const all2 = (a: ParcelRecord, b: ParcelRecord) => ({
  stranger: a.ownerId === b.ownerId ? "zed" : b.ownerId,
});
