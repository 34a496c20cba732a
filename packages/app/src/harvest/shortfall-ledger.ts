import {
  type AuditActor,
  type AuditEntry,
  auditEntryId,
  compensationDue,
  creditEntries,
  type Instant,
  type LedgerEntry,
  ledgerEntryId,
  moneyMoved,
  type OwnershipId,
  type OwnershipSettlement,
  ownershipPosition,
  partialRefundEntries,
  sumYen,
  type Yen,
} from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import type { AppError } from "../errors.ts";
import type { CreditChange } from "../ports/credit-balances.ts";
import type { IdGenerator } from "../ports/id-generator.ts";
import type { PlanAllocation } from "./plan-allocation.ts";

/** A part of one ownership's new shortfall compensation: its ledger entries and audit entry. */
export interface ShortfallPart {
  readonly entries: readonly LedgerEntry[];
  readonly audit: AuditEntry;
}

/**
 * One ownership's new shortfall compensation: money back (appended to the ledger, paid after) and
 * store credit (recorded with the owner's balance at the plan's producer, in one write).
 */
export interface ShortfallWrite {
  readonly ownershipId: OwnershipId;
  readonly refund?: ShortfallPart;
  readonly credit?: ShortfallPart & { readonly change: CreditChange };
}

/** Every ledger entry of the writes. */
export const entriesOf = (writes: readonly ShortfallWrite[]): LedgerEntry[] =>
  writes.flatMap((w) => [...(w.refund?.entries ?? []), ...(w.credit?.entries ?? [])]);

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
 * of the final allocation owes (domain compensationDue): what the ledger already holds counts, so
 * a re-run finds nothing left to write, and nothing is ever paid beyond what is owed. Ids come
 * from (plan, ownership, round): a retried round lands on itself.
 */
export const shortfallWrites = (ctx: ShortfallContext): E.Either<AppError, ShortfallWrite[]> => {
  const { plan } = ctx.allocation;
  const owners = new Map(ctx.allocation.ownerships.map((o) => [o.id as string, o]));
  const writes: ShortfallWrite[] = [];
  for (const settlement of ctx.settlements) {
    const ownership = owners.get(settlement.ownershipId);
    if (ownership === undefined || settlement.compensation.kind === "none") continue;
    const history = ctx.ledger.get(settlement.ownershipId) ?? [];
    const so = compensatedSoFar(history);
    const cashLeft = ownershipPosition(history, plan.id, ownership.id).chargedYen;
    const due = compensationDue(settlement, so, cashLeft);
    if (due.refundYen === 0 && due.creditYen === 0) continue;
    const round = `shortfall-${so.rounds + 1}`;
    const ledgerCtx = {
      planId: plan.id,
      ownershipId: settlement.ownershipId,
      at: ctx.at,
      actor: ctx.actor.id,
      entryId: (suffix: string) =>
        ledgerEntryId(ctx.ids.deterministic("led", plan.id, settlement.ownershipId, round, suffix)),
    };
    const audit = (kind: "refund" | "credit", amountYen: Yen) =>
      moneyMoved(
        {
          id: auditEntryId(
            ctx.ids.deterministic("aud", plan.id, settlement.ownershipId, round, kind),
          ),
          at: ctx.at,
          actor: ctx.actor,
        },
        {
          action: kind === "refund" ? "money.refunded" : "money.credited",
          subject: { type: "ownership", id: settlement.ownershipId },
          planId: plan.id,
          amountYen,
        },
      );
    let refund: ShortfallPart | undefined;
    if (due.refundYen > 0) {
      const entries = partialRefundEntries(ledgerCtx, {
        refundYen: due.refundYen,
        feeBps: plan.platformFeeBps,
        reason: "shortfall-refund",
        history,
      });
      if (E.isLeft(entries)) return entries;
      refund = { entries: entries.right, audit: audit("refund", due.refundYen) };
    }
    let credit: ShortfallWrite["credit"];
    if (due.creditYen > 0) {
      const entries = creditEntries(ledgerCtx, due.creditYen, "shortfall-credit");
      if (E.isLeft(entries)) return entries;
      credit = {
        entries: entries.right,
        audit: audit("credit", due.creditYen),
        change: {
          ownerId: ownership.ownerId,
          producerId: plan.producerId,
          deltaYen: due.creditYen,
        },
      };
    }
    writes.push({
      ownershipId: settlement.ownershipId,
      ...(refund === undefined ? {} : { refund }),
      ...(credit === undefined ? {} : { credit }),
    });
  }
  return E.right(writes);
};
