import {
  type AuditActor,
  type AuditEntry,
  auditEntryId,
  creditEntries,
  type Instant,
  type LedgerEntry,
  ledgerEntryId,
  moneyMoved,
  type OwnershipId,
  type OwnershipSettlement,
  partialRefundEntries,
  sumYen,
  type Yen,
} from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import type { AppError } from "../errors.ts";
import type { IdGenerator } from "../ports/id-generator.ts";
import type { PlanAllocation } from "./plan-allocation.ts";

/** One ownership's new shortfall compensation: its ledger entries and audit entry. */
export interface ShortfallWrite {
  readonly ownershipId: OwnershipId;
  readonly entries: readonly LedgerEntry[];
  readonly audit: AuditEntry;
}

const isShortfallRefund = (e: LedgerEntry) =>
  e.kind === "refund" && e.reason === "shortfall-refund";
const isShortfallCredit = (e: LedgerEntry) =>
  e.kind === "credit" && e.reason === "shortfall-credit";

/** Shortfall refunds and credits already in an ownership's ledger. */
export const compensatedSoFar = (history: readonly LedgerEntry[]) => {
  const refunds = history.filter(isShortfallRefund);
  const credits = history.filter(isShortfallCredit);
  return {
    refunds,
    refundYen: sumYen(refunds.map((e) => e.amountYen)),
    creditYen: sumYen(credits.map((e) => e.amountYen)),
    rounds: refunds.length + credits.length,
  };
};

/** Groups a plan's ledger by ownership (entries without one are left out). */
export const ledgerByOwnership = (entries: readonly LedgerEntry[]): Map<string, LedgerEntry[]> => {
  const grouped = new Map<string, LedgerEntry[]>();
  for (const entry of entries) {
    if (entry.ownershipId === undefined) continue;
    const list = grouped.get(entry.ownershipId) ?? [];
    list.push(entry);
    grouped.set(entry.ownershipId, list);
  }
  return grouped;
};

export interface ShortfallContext {
  readonly allocation: PlanAllocation;
  readonly settlements: readonly OwnershipSettlement[];
  readonly ledger: ReadonlyMap<string, readonly LedgerEntry[]>;
  readonly at: Instant;
  readonly actor: AuditActor;
  readonly ids: IdGenerator;
}

/**
 * The ledger writes that bring each ownership's shortfall compensation up to what the settlement
 * owes. What the ledger already holds counts, so a re-run finds nothing left to write; a later lot
 * that lowers the shortfall claws nothing back. Each write is one settlement round of that
 * ownership, and its ids come from (plan, ownership, round): a retried round lands on itself.
 */
export const shortfallWrites = (ctx: ShortfallContext): E.Either<AppError, ShortfallWrite[]> => {
  const { plan } = ctx.allocation;
  const writes: ShortfallWrite[] = [];
  for (const settlement of ctx.settlements) {
    const { kind, amountYen } = settlement.compensation;
    if (kind === "none") continue;
    const history = ctx.ledger.get(settlement.ownershipId) ?? [];
    const so = compensatedSoFar(history);
    const due = (amountYen - (kind === "refund" ? so.refundYen : so.creditYen)) as Yen;
    if (due <= 0) continue;
    const round = `shortfall-${so.rounds + 1}`;
    const ledgerCtx = {
      planId: plan.id,
      ownershipId: settlement.ownershipId,
      at: ctx.at,
      actor: ctx.actor.id,
      entryId: (suffix: string) =>
        ledgerEntryId(ctx.ids.deterministic("led", plan.id, settlement.ownershipId, round, suffix)),
    };
    const entries =
      kind === "refund"
        ? partialRefundEntries(ledgerCtx, {
            refundYen: due,
            feeBps: plan.platformFeeBps,
            reason: "shortfall-refund",
            history,
          })
        : creditEntries(ledgerCtx, due, "shortfall-credit");
    if (E.isLeft(entries)) return entries;
    const audit = moneyMoved(
      {
        id: auditEntryId(ctx.ids.deterministic("aud", plan.id, settlement.ownershipId, round)),
        at: ctx.at,
        actor: ctx.actor,
      },
      {
        action: kind === "refund" ? "money.refunded" : "money.credited",
        subject: { type: "ownership", id: settlement.ownershipId },
        planId: plan.id,
        amountYen: due,
      },
    );
    writes.push({ ownershipId: settlement.ownershipId, entries: entries.right, audit });
  }
  return E.right(writes);
};
