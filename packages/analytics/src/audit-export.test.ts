import { auditEntry, auditEntryId, instant, planId, yen } from "@owners/domain";
import { describe, expect, it } from "vitest";
import { makePseudonymizer } from "./pseudonymize.ts";
import { rowOf, rowSchemaOfExport } from "./rows.ts";
import { auditEntryExport } from "./schema/audit-entries.ts";
import type { AnyExportSchema } from "./schema/index.ts";

const schema = auditEntryExport as AnyExportSchema;
const hash = makePseudonymizer("k".repeat(16));
const ctx = { exportedAt: "2026-03-01T00:00:00.000Z", snapshot: true, pseudonymize: hash };

describe("audit entries in the analytics export", () => {
  it("hashes the actor's id with the key, keeps role, action and amount, drops snapshots", () => {
    const entry = auditEntry({
      id: auditEntryId("aud_1"),
      at: instant("2026-02-01T00:00:00.000Z"),
      actor: { id: "owner-yamada", role: "owner" },
      action: "money.charged",
      subject: { type: "ownership", id: "own_1" },
      planId: planId("plan_1"),
      amountYen: yen(6800),
      after: { note: "山田 花子" },
    });
    const row = rowOf(schema, entry, ctx);
    expect(rowSchemaOfExport(schema).safeParse(row).success).toBe(true);
    expect(row).toMatchObject({
      actor_hash: hash("owner-yamada"),
      actor_role: "owner",
      action: "money.charged",
      subject_type: "ownership",
      subject_id: "own_1",
      subject_person_hash: null,
      amount_yen: 6800,
    });
    const text = JSON.stringify(row);
    expect(text).not.toContain("owner-yamada");
    expect(text).not.toContain("山田");
  });

  it("hashes a subject that is a person (a producer's payout account)", () => {
    const entry = auditEntry({
      id: auditEntryId("aud_2"),
      at: instant("2026-02-01T00:00:00.000Z"),
      actor: { id: "system", role: "system" },
      action: "money.paid_out",
      subject: { type: "payout", id: "producer-kobayashi" },
      amountYen: yen(100),
    });
    const row = rowOf(schema, entry, ctx);
    expect(row).toMatchObject({
      subject_id: null,
      subject_person_hash: hash("producer-kobayashi"),
    });
    expect(JSON.stringify(row)).not.toContain("producer-kobayashi");
  });

  it("hashes an owner named as the subject (a saved address changed)", () => {
    const entry = auditEntry({
      id: auditEntryId("aud_3"),
      at: instant("2026-02-01T00:00:00.000Z"),
      actor: { id: "owner-sato", role: "owner" },
      action: "address.changed",
      subject: { type: "owner", id: "owner-sato" },
    });
    const row = rowOf(schema, entry, ctx);
    expect(row).toMatchObject({ subject_type: "owner", subject_id: null });
    expect(row).toMatchObject({ subject_person_hash: hash("owner-sato") });
    expect(JSON.stringify(row)).not.toContain("owner-sato");
  });
});
