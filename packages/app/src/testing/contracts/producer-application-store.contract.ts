import { instant, type ProducerApplication, type ProducerApplicationStatus } from "@owners/domain";
import * as O from "fp-ts/lib/Option.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Page } from "../../pagination.ts";
import type { ProducerApplicationStore } from "../../ports/producer-application-store.ts";
import { failWith, succeed } from "./expect-task.ts";

export interface ProducerApplicationStoreSubject {
  readonly subject: ProducerApplicationStore;
  cleanup(): Promise<void>;
}

/** A pending application of `applicantId`, submitted at minute `minute` of a day. */
export const sampleApplication = (
  applicantId: string,
  minute = 0,
  overrides: Partial<ProducerApplication> = {},
): ProducerApplication => ({
  id: applicantId,
  applicantId,
  status: "pending",
  farmName: `Farm ${applicantId}`,
  prefecture: "山形県",
  products: ["さくらんぼ", "ラ・フランス"],
  story: "三代続く果樹園です。",
  disclosure: {
    legalName: "小林 一郎",
    address: "山形県東根市1-2-3",
    phone: "023-123-4567",
    email: "ichiro@example.jp",
    responsiblePerson: "小林 一郎",
    pricesAndFees: "各プランに表示",
    deliveryTime: "収穫後3日以内に発送",
    returnsAndCancellation: "締切までキャンセル可",
  },
  submittedAt: instant(`2026-12-01T09:${String(minute % 60).padStart(2, "0")}:00.000Z`),
  version: 0,
  ...overrides,
});

/** The behaviour every ProducerApplicationStore adapter must share. */
export const describeProducerApplicationStoreContract = (
  name: string,
  makeSubject: () => Promise<ProducerApplicationStoreSubject>,
) => {
  describe(`ProducerApplicationStore contract: ${name}`, () => {
    let harness: ProducerApplicationStoreSubject;
    let store: ProducerApplicationStore;
    beforeEach(async () => {
      harness = await makeSubject();
      store = harness.subject;
    });
    afterEach(async () => {
      await harness.cleanup();
    });

    const listAll = async (status: ProducerApplicationStatus, limit: number) => {
      const seen: ProducerApplication[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page: Page<ProducerApplication> = await succeed(
          store.listByStatus(status, { limit, ...(cursor === undefined ? {} : { cursor }) }),
        );
        seen.push(...page.items);
        cursor = page.nextCursor;
        pages += 1;
      } while (cursor !== undefined && pages < 50);
      return seen;
    };

    it("answers none before an application, then the saved one at version 1", async () => {
      const application = sampleApplication("u1");
      expect(await succeed(store.get("u1"))).toEqual(O.none);
      expect(await succeed(store.save(application, 0))).toEqual({ ...application, version: 1 });
      expect(await succeed(store.get("u1"))).toEqual(O.some({ ...application, version: 1 }));
    });

    it("keeps the decision fields and refuses a stale version", async () => {
      const stored = await succeed(store.save(sampleApplication("u1"), 0));
      const rejected: ProducerApplication = {
        ...stored,
        status: "rejected",
        decidedAt: instant("2026-12-02T00:00:00.000Z"),
        decidedBy: "admin-1",
        rejectionReason: "書類不足",
      };
      expect(await succeed(store.save(rejected, 1))).toEqual({ ...rejected, version: 2 });
      expect((await failWith(store.save(stored, 1)))._tag).toBe("STORE.VERSION_CONFLICT");
      expect((await failWith(store.save(sampleApplication("u1"), 0)))._tag).toBe(
        "STORE.VERSION_CONFLICT",
      );
      expect(O.toUndefined(await succeed(store.get("u1")))?.rejectionReason).toBe("書類不足");
    });

    it("lets exactly one of concurrent saves over the same version win", async () => {
      await succeed(store.save(sampleApplication("u1"), 0));
      const results = await Promise.all(
        (["approved", "rejected", "approved"] as const).map((status) =>
          store.save(sampleApplication("u1", 0, { status, version: 1 }), 1)(),
        ),
      );
      expect(results.filter((r) => r._tag === "Right")).toHaveLength(1);
    });

    it("lists by status, oldest first, page by page with a cursor; a decision moves it", async () => {
      for (let i = 0; i < 7; i += 1)
        await succeed(store.save(sampleApplication(`p${i}`, 30 - i), 0));
      await succeed(store.save(sampleApplication("r1", 5, { status: "rejected" }), 0));
      const pending = await listAll("pending", 3);
      expect(pending.map((a) => a.id)).toEqual(["p6", "p5", "p4", "p3", "p2", "p1", "p0"]);
      expect((await listAll("rejected", 3)).map((a) => a.id)).toEqual(["r1"]);
      const first = await succeed(store.listByStatus("pending", { limit: 3 }));
      expect(first.items).toHaveLength(3);
      expect(first.nextCursor).toBeDefined();

      const p3 = O.toUndefined(await succeed(store.get("p3")));
      if (p3 === undefined) throw new Error("p3 stored");
      await succeed(store.save({ ...p3, status: "approved" }, p3.version));
      expect((await listAll("pending", 100)).map((a) => a.id)).not.toContain("p3");
      expect((await listAll("approved", 100)).map((a) => a.id)).toEqual(["p3"]);
    });

    it("refuses a cursor it did not issue for that status", async () => {
      for (let i = 0; i < 3; i += 1) await succeed(store.save(sampleApplication(`p${i}`, i), 0));
      const first = await succeed(store.listByStatus("pending", { limit: 1 }));
      const cursor = first.nextCursor ?? "";
      expect((await failWith(store.listByStatus("rejected", { limit: 1, cursor })))._tag).toBe(
        "PAGINATION.INVALID_CURSOR",
      );
      expect(
        (await failWith(store.listByStatus("pending", { limit: 1, cursor: "x.y" })))._tag,
      ).toBe("PAGINATION.INVALID_CURSOR");
    });
  });
};
