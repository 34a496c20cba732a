import { fanOutTrigger, instant, planId, producerId, type SeasonReport } from "@owners/domain";
import * as O from "fp-ts/lib/Option.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Outbox } from "../../ports/outbox.ts";
import type { SeasonReportStore } from "../../ports/season-report-store.ts";
import { failWith, succeed } from "./expect-task.ts";

export interface SeasonReportStoreSubject {
  readonly subject: SeasonReportStore;
  /** The outbox the store writes its notices into. */
  readonly outbox: Outbox;
  cleanup(): Promise<void>;
}

export const sampleSeasonReport = (overrides: Partial<SeasonReport> = {}): SeasonReport => ({
  planId: planId("plan_figs-2025"),
  producerId: producerId("producer_fig-farm"),
  harvestedUnits: 380,
  lotCount: 3,
  unitLabel: "pack",
  note: "暑い夏、甘いいちじく。",
  photoKeys: ["photos/producer_fig-farm/a.jpg", "photos/producer_fig-farm/b.jpg"],
  publishedAt: instant("2026-09-10T00:00:00.000Z"),
  updatedAt: instant("2026-09-10T00:00:00.000Z"),
  version: 1,
  ...overrides,
});

/** The first publication's fan-out trigger, as postSeasonReport writes it. */
const sampleTrigger = (report: SeasonReport) =>
  fanOutTrigger({
    id: `msg_fan-out_${report.planId}`,
    kind: "season-report-posted",
    plan: { id: report.planId, title: "Figs" },
    at: report.publishedAt,
    params: { producerName: "Fig farm", harvestedUnits: report.harvestedUnits, unitLabel: "pack" },
  });

/** The behaviour every SeasonReportStore adapter must share (in-memory, DynamoDB). */
export const describeSeasonReportStoreContract = (
  name: string,
  makeSubject: () => Promise<SeasonReportStoreSubject>,
) => {
  describe(`SeasonReportStore contract: ${name}`, () => {
    let harness: SeasonReportStoreSubject;
    let store: SeasonReportStore;
    beforeEach(async () => {
      harness = await makeSubject();
      store = harness.subject;
    });
    afterEach(async () => {
      await harness.cleanup();
    });

    it("answers none before publication, then the report as stored", async () => {
      const report = sampleSeasonReport();
      expect(await succeed(store.get(report.planId))).toEqual(O.none);
      expect(await succeed(store.put(report))).toEqual(report);
      expect(await succeed(store.get(report.planId))).toEqual(O.some(report));
      expect(await succeed(store.get(planId("plan_other")))).toEqual(O.none);
    });

    it("keeps a report with no photos and an empty note", async () => {
      const report = sampleSeasonReport({ photoKeys: [], note: "" });
      await succeed(store.put(report));
      expect(await succeed(store.get(report.planId))).toEqual(O.some(report));
    });

    it("publishes once: a second version 1 is a version conflict and the first stays", async () => {
      const first = sampleSeasonReport();
      await succeed(store.put(first));
      const error = await failWith(store.put(sampleSeasonReport({ note: "second" })));
      expect(error._tag).toBe("STORE.VERSION_CONFLICT");
      expect(await succeed(store.get(first.planId))).toEqual(O.some(first));
    });

    it("edits the stored version only: a stale edit is refused", async () => {
      const first = sampleSeasonReport();
      await succeed(store.put(first));
      const edit = sampleSeasonReport({
        version: 2,
        note: "edited",
        updatedAt: instant("2026-09-11T00:00:00.000Z"),
      });
      expect(await succeed(store.put(edit))).toEqual(edit);
      const stale = await failWith(store.put(sampleSeasonReport({ version: 2, note: "stale" })));
      expect(stale._tag).toBe("STORE.VERSION_CONFLICT");
      const skipped = await failWith(store.put(sampleSeasonReport({ version: 4 })));
      expect(skipped._tag).toBe("STORE.VERSION_CONFLICT");
      expect(await succeed(store.get(first.planId))).toEqual(O.some(edit));
    });

    it("writes the first publication and its fan-out trigger together", async () => {
      const report = sampleSeasonReport();
      const trigger = sampleTrigger(report);
      expect(await succeed(store.put(report, [trigger]))).toEqual(report);
      expect(await succeed(store.get(report.planId))).toEqual(O.some(report));
      expect(O.toUndefined(await succeed(harness.outbox.get(trigger.dedupeKey)))).toMatchObject({
        kind: "season-report-posted",
        recipientId: "fan-out",
        at: report.publishedAt,
        params: { planId: report.planId, harvestedUnits: 380 },
      });
      // A trigger waits for the fan-out: the flush never sends it as a message.
      const fanOuts = await succeed(harness.outbox.listPendingFanOuts(10));
      expect(fanOuts.map((m) => m.dedupeKey)).toEqual([trigger.dedupeKey]);
      expect(await succeed(harness.outbox.listPending(10))).toEqual([]);
    });

    it("leaves no trigger when the publication is refused", async () => {
      const first = sampleSeasonReport();
      await succeed(store.put(first));
      const late = sampleSeasonReport({ note: "second" });
      const trigger = sampleTrigger(late);
      const error = await failWith(store.put(late, [trigger]));
      expect(error._tag).toBe("STORE.VERSION_CONFLICT");
      expect(await succeed(harness.outbox.get(trigger.dedupeKey))).toEqual(O.none);
      expect(await succeed(harness.outbox.listPendingFanOuts(10))).toEqual([]);
      expect(await succeed(store.get(first.planId))).toEqual(O.some(first));
    });

    it("drops a notice already stored and still writes the report", async () => {
      const report = sampleSeasonReport();
      const trigger = sampleTrigger(report);
      await succeed(harness.outbox.enqueue([{ ...trigger, subject: "written before" }]));
      expect(await succeed(store.put(report, [trigger]))).toEqual(report);
      expect(await succeed(store.get(report.planId))).toEqual(O.some(report));
      const kept = O.toUndefined(await succeed(harness.outbox.get(trigger.dedupeKey)));
      expect(kept?.subject).toBe("written before");
    });

    it("lets only one of two concurrent first publications win", async () => {
      const results = await Promise.all([
        store.put(sampleSeasonReport({ note: "a" }))(),
        store.put(sampleSeasonReport({ note: "b" }))(),
      ]);
      expect(results.filter((r) => r._tag === "Right")).toHaveLength(1);
    });
  });
};
