import { sampleLot, succeed } from "@owners/app/testing";
import { auditEntry, auditEntryId, type HarvestLot, instant } from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeDynamoHarvestRepository } from "./harvest-repository.ts";
import { makeDynamoAuditLog } from "./ledger-repository.ts";
import { createTestTable, type TestTable } from "./testing/dynamo-test-table.ts";
import { refuseScans } from "./testing/refuse-scans.ts";

const recorded = (lot: HarvestLot, id: string) =>
  auditEntry({
    id: auditEntryId(id),
    at: instant("2026-06-12T00:00:00.000Z"),
    actor: { id: "producer-a", role: "producer" },
    action: "harvest.lot_recorded",
    subject: { type: "lot", id: lot.id },
    planId: lot.planId,
    after: { quantity: lot.quantity },
  });

describe("a harvest lot and its audit entry, in one write (DynamoDB Local)", () => {
  let table: TestTable;
  beforeAll(async () => {
    table = await createTestTable({ configure: refuseScans });
  }, 120_000);
  afterAll(() => table?.drop());

  it("writes the lot with its entry, and neither again for a duplicate lot", async () => {
    const harvests = makeDynamoHarvestRepository(table);
    const audit = makeDynamoAuditLog(table);
    const lot = sampleLot();
    await succeed(harvests.add(lot, [recorded(lot, "aud_lot_1")]));
    const again = await harvests.add(lot, [recorded(lot, "aud_lot_2")])();
    expect(E.isLeft(again) && again.left._tag).toBe("STORE.DUPLICATE");
    expect((await succeed(audit.listBySubject("lot", lot.id))).map((e) => e.id)).toEqual([
      "aud_lot_1",
    ]);
    expect(
      (
        await succeed(
          audit.search({ index: { by: "actor", actorId: "producer-a" } }, { limit: 10 }),
        )
      ).items.map((e) => e.action),
    ).toEqual(["harvest.lot_recorded"]);
  });
});
