import type { AuditEntry } from "@owners/domain";
import { type ExportSchema, fieldsOf } from "./define.ts";

const f = fieldsOf<AuditEntry>();

/**
 * Subjects whose id is a person's: a producer's payout account is keyed by the producer, an
 * owner's saved addresses by the owner.
 */
const PERSON_SUBJECTS: ReadonlySet<AuditEntry["subject"]["type"]> = new Set(["payout", "owner"]);
const personSubject = (e: AuditEntry) => PERSON_SUBJECTS.has(e.subject.type);

/**
 * The audit trail (who did what, when), with every person's id replaced by its keyed hash: the
 * marketer joins on the hashes, never reads an id back. Snapshots may hold free text: dropped.
 */
export const auditEntryExport: ExportSchema<AuditEntry> = {
  table: "audit_entries",
  description: "The append-only audit trail: every change to an ownership, a plan or money.",
  key: ["id"],
  fields: {
    id: f.column("string", "Entry id."),
    at: f.column("timestamp", "When."),
    actor: f.columns(
      {
        name: "actor_hash",
        type: "string",
        comment: "PII: who did it (a person's id or a batch's name), keyed hash (HMAC-SHA256).",
        value: (e) => e.actor.id,
        pseudonymize: true,
      },
      {
        name: "actor_role",
        type: "string",
        comment: "owner|producer|admin|system.",
        value: (e) => e.actor.role,
      },
    ),
    action: f.column("string", "What happened (ownership.reserved, money.refunded, …)."),
    subject: f.columns(
      {
        name: "subject_type",
        type: "string",
        comment: "plan|ownership|offer|booking|payout|comment|owner|lot.",
        value: (e) => e.subject.type,
      },
      {
        name: "subject_id",
        type: "string",
        comment: "The subject's id when it names no person (null for a payout account).",
        value: (e) => (personSubject(e) ? null : e.subject.id),
      },
      {
        name: "subject_person_hash",
        type: "string",
        comment: "PII: the subject's id when it is a person's (payout: the producer), keyed hash.",
        value: (e) => (personSubject(e) ? e.subject.id : null),
        pseudonymize: true,
      },
    ),
    planId: f.column("string", "Plan id (null for entries outside a plan)."),
    before: f.droppedPii("A snapshot of the subject: may hold free text or addresses."),
    after: f.droppedPii("A snapshot of the subject: may hold free text or addresses."),
    amountYen: f.column("bigint", "Money moved, yen (money actions only)."),
  },
};
