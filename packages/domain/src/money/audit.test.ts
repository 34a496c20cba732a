import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { editPlan, publishPlan } from "../plans/lifecycle.ts";
import { codeOf, ownershipOf, PRODUCER, planIn, rightOf, T } from "../plans/terms.fixtures.ts";
import { decideCancellation } from "../reservations/reservation.ts";
import { ownerId } from "../shared/ids.ts";
import { addMillis } from "../shared/time.ts";
import {
  type AuditEntry,
  type AuditHead,
  appendAuditEntry,
  auditEntry,
  auditEntryId,
  explainStatement,
  type MoneyAction,
  moneyMoved,
  ownershipCancelled,
  ownershipReserved,
  planChanged,
  planCreated,
} from "./audit.ts";
import { yen } from "./money.ts";

const head = (id: string, at = T.during): AuditHead => ({
  id: auditEntryId(id),
  at,
  actor: { id: "alice", role: "owner" },
});

describe("audit constructors", () => {
  it("records plan creation, transitions by their new state, and edits by changed fields", () => {
    const draft = planIn("draft");
    expect(planCreated(head("a1"), draft)).toMatchObject({
      action: "plan.created",
      subject: { type: "plan", id: draft.id },
      after: { status: "draft", title: draft.title },
    });
    const open = rightOf(publishPlan(draft, T.during));
    expect(planChanged(head("a2"), draft, open)).toEqual({
      ...head("a2"),
      action: "plan.published",
      subject: { type: "plan", id: draft.id },
      planId: draft.id,
      before: { status: "draft", version: draft.version },
      after: { status: "open", version: open.version },
    });
    const edited = rightOf(editPlan(open, PRODUCER, { title: "New" }, T.during));
    expect(planChanged(head("a3"), open, edited)).toMatchObject({
      action: "plan.edited",
      before: { title: open.title },
      after: { title: "New" },
    });
  });

  it("records reservations with their locked price and cancellations before/after", () => {
    const plan = planIn("open", { sharesSold: 3 });
    const ownership = ownershipOf(plan, "alice", 3);
    const reserved = ownershipReserved(head("r1"), ownership);
    expect(reserved).toMatchObject({
      action: "ownership.reserved",
      subject: { type: "ownership", id: ownership.id },
      planId: plan.id,
      amountYen: ownership.quote.totalYen,
      after: { status: "active", shares: 3, quote: ownership.quote },
    });
    const cancelled = rightOf(
      decideCancellation({ plan, ownership, actorOwnerId: ownerId("alice"), now: T.during }),
    ).ownership;
    expect(ownershipCancelled(head("c1"), ownership, cancelled)).toMatchObject({
      action: "ownership.cancelled",
      before: { status: "active" },
      after: { status: "cancelled", version: 2 },
    });
  });

  it("drops absent optional fields and refuses money entries without a valid amount", () => {
    const entry = auditEntry({
      ...head("x"),
      action: "plan.closed",
      subject: { type: "plan", id: "p" },
      before: undefined,
    });
    expect(Object.keys(entry)).not.toContain("before");
    const money = {
      ...head("m"),
      action: "money.refunded",
      subject: { type: "ownership", id: "o" },
    } as const;
    expect(() => auditEntry(money)).toThrow(RangeError);
    expect(() => auditEntry({ ...money, amountYen: yen(-1) })).toThrow(RangeError);
  });
});

describe("appendAuditEntry", () => {
  const plan = planIn("open");
  const entry = moneyMoved(head("m1"), {
    action: "money.charged",
    subject: { type: "ownership", id: "o1" },
    planId: plan.id,
    amountYen: yen(5800),
  });

  it("appends, ignores an identical retry, and refuses rewriting an entry", () => {
    const log = rightOf(appendAuditEntry([], entry));
    expect(log).toEqual([entry]);
    expect(rightOf(appendAuditEntry(log, { ...entry }))).toBe(log);
    const reordered = Object.fromEntries(Object.entries(entry).reverse()) as unknown as AuditEntry;
    expect(rightOf(appendAuditEntry(log, reordered))).toBe(log);
    expect(codeOf(appendAuditEntry(log, { ...entry, amountYen: yen(1) }))).toBe(
      "VALIDATION.INVALID",
    );
  });
});

describe("explainStatement", () => {
  const plan = planIn("open");
  const money = (id: string, action: MoneyAction, amount: number, minutes: number): AuditEntry =>
    moneyMoved(head(id, addMillis(T.during, minutes * 60_000)), {
      action,
      subject: { type: "ownership", id: "o1" },
      planId: plan.id,
      amountYen: yen(amount),
    });

  it("lists money lines in time order with totals, skipping non-money entries", () => {
    const explained = explainStatement([
      money("3", "money.refunded", 5800, 2),
      planCreated(head("0"), plan),
      money("1", "money.charged", 11600, 1),
      money("2", "money.fee_collected", 580, 3),
      money("4", "money.paid_out", 5220, 4),
      money("5", "money.credited", 100, 5),
    ]);
    expect(explained.lines.map((l) => l.action)).toEqual([
      "money.charged",
      "money.refunded",
      "money.fee_collected",
      "money.paid_out",
      "money.credited",
    ]);
    expect(explained).toMatchObject({
      chargedYen: 11600,
      refundedYen: 5800,
      feesYen: 580,
      paidOutYen: 5220,
      creditedYen: 100,
      unsettledYen: 0,
    });
    expect(explained.lines[0]?.text).toContain("charged 11600 yen");
  });

  it("balances exactly when charges - refunds = payouts + fees, whatever the order", () => {
    const move = fc.record({
      action: fc.constantFrom<MoneyAction>(
        "money.charged",
        "money.refunded",
        "money.paid_out",
        "money.fee_collected",
      ),
      amount: fc.integer({ min: 0, max: 100_000 }),
      minute: fc.nat(1000),
    });
    fc.assert(
      fc.property(fc.array(move, { maxLength: 20 }), (moves) => {
        const entries = moves.map((m, i) => money(`e${i}`, m.action, m.amount, m.minute));
        const total = (a: MoneyAction) =>
          moves.filter((m) => m.action === a).reduce((s, m) => s + m.amount, 0);
        const explained = explainStatement(entries);
        expect(explained.unsettledYen).toBe(
          total("money.charged") -
            total("money.refunded") -
            total("money.paid_out") -
            total("money.fee_collected"),
        );
        expect(explainStatement([...entries].reverse())).toEqual(explained);
        expect(
          E.isRight(
            entries.reduce(
              (log, e) => (E.isRight(log) ? appendAuditEntry(log.right, e) : log),
              E.right([]) as ReturnType<typeof appendAuditEntry>,
            ),
          ),
        ).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
