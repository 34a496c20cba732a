import {
  type AuditActor,
  type AuditEntry,
  type AuditHead,
  auditEntryId,
  type Instant,
  type LedgerContext,
  type LedgerReason,
  ledgerEntryId,
  moneyMoved,
  type Ownership,
  type Yen,
} from "@owners/domain";
import { type Actor, SYSTEM_ACTOR } from "./actor.ts";
import type { IdGenerator } from "./ports/id-generator.ts";

/** Who an audit entry names: the batches act as the platform's system actor. */
export const auditActorOf = (actor: Actor): AuditActor =>
  actor.id === SYSTEM_ACTOR.id && actor.role === "admin"
    ? { id: actor.id, role: "system" }
    : { id: actor.id, role: actor.role };

/** An audit head whose id is derived from what it records, so a retried write repeats, not adds. */
export const auditHead = (
  ids: IdGenerator,
  actor: Actor,
  at: Instant,
  ...parts: string[]
): AuditHead => ({
  id: auditEntryId(ids.deterministic("aud", ...parts)),
  at,
  actor: auditActorOf(actor),
});

/** Ledger entries of one money event on one ownership, named after (ownership, reason, kind). */
export const ledgerContext = (
  ids: IdGenerator,
  ownership: Pick<Ownership, "id" | "planId">,
  at: Instant,
  actor: Actor,
  reason: LedgerReason,
): LedgerContext => ({
  planId: ownership.planId,
  ownershipId: ownership.id,
  at,
  actor: actor.id,
  entryId: (kind) => ledgerEntryId(ids.deterministic("led", ownership.id, reason, kind)),
});

export const moneyAudit = (
  head: AuditHead,
  action: "money.charged" | "money.refunded",
  ownership: Pick<Ownership, "id" | "planId">,
  amountYen: Yen,
): AuditEntry =>
  moneyMoved(head, {
    action,
    subject: { type: "ownership", id: ownership.id },
    planId: ownership.planId,
    amountYen,
  });
