import {
  type AuditEntry,
  addMillis,
  auditEntry,
  auditEntryId,
  checkBalanced,
  type LedgerEntry,
  ledgerEntryId,
  ownershipId,
  planId,
  yen,
} from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AuditQuery } from "../../ports/ledger-repository.ts";
import type { ReservationStores } from "../../ports/reservation-stores.ts";
import { RESERVATION_TIMES } from "../reservation-fixtures.ts";
import { collectPages, failWith, succeed } from "./expect-task.ts";
import type { MakeReservationStores, ReservationStoresHarness } from "./reservation-harness.ts";

const PLAN = planId("plan_ledger");
const at = (ms: number) => addMillis(RESERVATION_TIMES.during, ms);

const entry = (id: string, ms: number, overrides: Partial<LedgerEntry> = {}): LedgerEntry => ({
  id: ledgerEntryId(id),
  planId: PLAN,
  ownershipId: ownershipId("own_1"),
  kind: "charge",
  amountYen: yen(1000),
  reason: "reservation",
  at: at(ms),
  actor: "owner_1",
  ...overrides,
});

const audit = (id: string, ms: number, subjectId = "own_1", planOf = PLAN): AuditEntry =>
  auditEntry({
    id: auditEntryId(id),
    at: at(ms),
    actor: { id: "system", role: "system" },
    action: "money.refunded",
    subject: { type: "ownership", id: subjectId },
    planId: planOf,
    amountYen: yen(100),
  });

/** The behaviour every LedgerRepository and AuditLog adapter must share (in-memory, DynamoDB). */
export const describeLedgerRepositoryContract = (
  name: string,
  makeHarness: MakeReservationStores,
) => {
  describe(`LedgerRepository and AuditLog contract: ${name}`, () => {
    let harness: ReservationStoresHarness;
    let stores: ReservationStores;
    beforeEach(async () => {
      harness = await makeHarness();
      stores = harness.subject;
    });
    afterEach(async () => {
      await harness.cleanup();
    });

    it("appends entries and lists a plan's and an ownership's in (at, id) order", async () => {
      const entries = [
        entry("led_c", 20, { kind: "payout", amountYen: yen(900) }),
        entry("led_a", 10),
        entry("led_b", 20, { kind: "fee", amountYen: yen(100) }),
        entry("led_d", 5, {
          ownershipId: ownershipId("own_2"),
          kind: "credit",
          reason: "shortfall-credit",
        }),
      ];
      await succeed(stores.ledger.append(entries, []));
      expect((await succeed(stores.ledger.listByPlan(PLAN))).map((e) => e.id)).toEqual([
        "led_d",
        "led_a",
        "led_b",
        "led_c",
      ]);
      const mine = await succeed(stores.ledger.listByOwnership(PLAN, ownershipId("own_1")));
      expect(mine).toEqual([entries[1], entries[2], entries[0]]);
      expect(E.isRight(checkBalanced(mine))).toBe(true);
      expect(await succeed(stores.ledger.listByPlan(planId("plan_other")))).toEqual([]);
    });

    it("keeps an entry without an ownership (plan-level money) and negative reversals exactly", async () => {
      const { ownershipId: _dropped, ...planLevel } = entry("led_plan", 1, {
        kind: "payout",
        amountYen: yen(-250),
      });
      await succeed(stores.ledger.append([planLevel], []));
      expect(await succeed(stores.ledger.listByPlan(PLAN))).toEqual([planLevel]);
    });

    it("re-appending identical entries writes nothing new and succeeds", async () => {
      const batch = [entry("led_a", 1), entry("led_b", 2)];
      await succeed(stores.ledger.append(batch, [audit("aud_1", 1)]));
      await succeed(stores.ledger.append(batch, [audit("aud_1", 1)]));
      await succeed(
        stores.ledger.append([...batch, entry("led_c", 3)], [audit("aud_1", 1), audit("aud_2", 3)]),
      );
      expect((await succeed(stores.ledger.listByPlan(PLAN))).map((e) => e.id)).toEqual([
        "led_a",
        "led_b",
        "led_c",
      ]);
      expect((await succeed(stores.audit.listByPlan(PLAN))).map((e) => e.id)).toEqual([
        "aud_1",
        "aud_2",
      ]);
    });

    it("refuses a different entry under an existing id (STORE.DUPLICATE), writing nothing of that append", async () => {
      await succeed(stores.ledger.append([entry("led_a", 1)], [audit("aud_1", 1)]));
      const changed = await failWith(
        stores.ledger.append([entry("led_new", 2), entry("led_a", 1, { amountYen: yen(1) })], []),
      );
      expect(changed._tag).toBe("STORE.DUPLICATE");
      const changedAudit = await failWith(
        stores.ledger.append([entry("led_new", 2)], [{ ...audit("aud_1", 1), amountYen: yen(7) }]),
      );
      expect(changedAudit._tag).toBe("STORE.DUPLICATE");
      expect((await succeed(stores.ledger.listByPlan(PLAN))).map((e) => e.id)).toEqual(["led_a"]);
      expect(await succeed(stores.audit.listByPlan(PLAN))).toEqual([audit("aud_1", 1)]);
    });

    it("lists audit entries by subject and by plan, oldest first", async () => {
      const trail = [
        audit("aud_b", 30),
        audit("aud_a", 10),
        audit("aud_c", 20, "own_2"),
        audit("aud_x", 5, "own_1", planId("plan_other")),
      ];
      await succeed(stores.ledger.append([], trail));
      expect(
        (await succeed(stores.audit.listBySubject("ownership", "own_1"))).map((e) => e.id),
      ).toEqual(["aud_x", "aud_a", "aud_b"]);
      expect((await succeed(stores.audit.listByPlan(PLAN))).map((e) => e.id)).toEqual([
        "aud_a",
        "aud_c",
        "aud_b",
      ]);
      expect(await succeed(stores.audit.listBySubject("plan", "own_1"))).toEqual([]);
      expect((await succeed(stores.audit.listBySubject("ownership", "own_2")))[0]).toEqual(
        trail[2],
      );
    });

    it("searches by subject, actor or plan, within a time range, a page at a time", async () => {
      const by = (id: string, ms: number, actorId: string, subjectId = "own_1"): AuditEntry => ({
        ...audit(id, ms, subjectId),
        actor: { id: actorId, role: "owner" },
      });
      await succeed(
        stores.ledger.append(
          [],
          [
            by("aud_1", 10, "owner_a"),
            by("aud_2", 20, "owner_b"),
            by("aud_3", 30, "owner_a", "own_2"),
            by("aud_4", 40, "owner_a"),
          ],
        ),
      );
      const ids = async (query: AuditQuery, limit = 100) =>
        (await collectPages((page) => stores.audit.search(query, page), limit)).items.map(
          (e) => e.id,
        );
      const subject = { by: "subject", subjectType: "ownership", subjectId: "own_1" } as const;
      expect(await ids({ index: subject }, 2)).toEqual(["aud_1", "aud_2", "aud_4"]);
      expect(await ids({ index: subject, actorId: "owner_a" })).toEqual(["aud_1", "aud_4"]);
      expect(await ids({ index: { by: "actor", actorId: "owner_a" } }, 1)).toEqual([
        "aud_1",
        "aud_3",
        "aud_4",
      ]);
      expect(
        await ids({ index: { by: "actor", actorId: "owner_a" }, from: at(20), to: at(30) }),
      ).toEqual(["aud_3"]);
      expect(await ids({ index: { by: "plan", planId: PLAN }, from: at(30) })).toEqual([
        "aud_3",
        "aud_4",
      ]);
      expect(await ids({ index: { by: "plan", planId: PLAN }, to: at(10) })).toEqual(["aud_1"]);
      expect(await ids({ index: { by: "actor", actorId: "nobody" } })).toEqual([]);
    });
  });
};
