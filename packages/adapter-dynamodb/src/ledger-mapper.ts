import type {
  AuditEntry,
  AuditEntryId,
  Instant,
  LedgerEntry,
  LedgerEntryId,
  OwnershipId,
  PlanId,
  Yen,
} from "@owners/domain";
import { defined, type Item } from "./item.ts";
import { auditKeys, ledgerKeys } from "./reservation-keys.ts";

export const ledgerEntryToItem = (entry: LedgerEntry): Item =>
  defined({
    ...ledgerKeys.item(entry.planId, entry.ownershipId, entry.id),
    entity: "ledger-entry",
    id: entry.id,
    planId: entry.planId,
    ownershipId: entry.ownershipId,
    kind: entry.kind,
    amountYen: entry.amountYen,
    reason: entry.reason,
    at: entry.at,
    actor: entry.actor,
  });

export const ledgerEntryFromItem = (item: Item): LedgerEntry => {
  const entry: LedgerEntry = {
    id: item.id as LedgerEntryId,
    planId: item.planId as PlanId,
    kind: item.kind as LedgerEntry["kind"],
    amountYen: item.amountYen as Yen,
    reason: item.reason as LedgerEntry["reason"],
    at: item.at as Instant,
    actor: item.actor as string,
  };
  return item.ownershipId === undefined
    ? entry
    : { ...entry, ownershipId: item.ownershipId as OwnershipId };
};

export const auditEntryToItem = (entry: AuditEntry): Item =>
  defined({
    ...auditKeys.item(entry.id),
    GSI1PK: auditKeys.bySubject(entry.subject.type, entry.subject.id),
    GSI1SK: auditKeys.timeSort(entry.at, entry.id),
    GSI2PK: entry.planId === undefined ? undefined : auditKeys.byPlan(entry.planId),
    GSI2SK: entry.planId === undefined ? undefined : auditKeys.timeSort(entry.at, entry.id),
    GSI3PK: auditKeys.byActor(entry.actor.id),
    GSI3SK: auditKeys.timeSort(entry.at, entry.id),
    entity: "audit-entry",
    id: entry.id,
    at: entry.at,
    actor: entry.actor,
    action: entry.action,
    subject: entry.subject,
    planId: entry.planId,
    before: entry.before,
    after: entry.after,
    amountYen: entry.amountYen,
  });

export const auditEntryFromItem = (item: Item): AuditEntry =>
  defined({
    id: item.id as AuditEntryId,
    at: item.at as Instant,
    actor: item.actor,
    action: item.action,
    subject: item.subject,
    planId: item.planId,
    before: item.before,
    after: item.after,
    amountYen: item.amountYen,
  }) as unknown as AuditEntry;
