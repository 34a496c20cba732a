import type { AuditIndex, AuditLog, AuditQuery, CursorCodec, LedgerRepository } from "@owners/app";
import type { AuditEntry, LedgerEntry } from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import { paginate } from "./paginate.ts";
import { atomically, copy, prepareAppend, type ReservationDb } from "./reservation-db.ts";

const inIndex = (index: AuditIndex) => (e: AuditEntry) =>
  index.by === "subject"
    ? e.subject.type === index.subjectType && e.subject.id === index.subjectId
    : index.by === "actor"
      ? e.actor.id === index.actorId
      : e.planId === index.planId;

const matches = (query: AuditQuery) => (e: AuditEntry) =>
  inIndex(query.index)(e) &&
  (query.actorId === undefined || e.actor.id === query.actorId) &&
  (query.from === undefined || e.at >= query.from) &&
  (query.to === undefined || e.at <= query.to);

const auditSortKey = (e: AuditEntry) => `${e.at}#${e.id}`;

/** (at, id) order: both ledger and audit entries are listed oldest first, ties by id. */
export const byAtThenId = <T extends { readonly at: string; readonly id: string }>(
  a: T,
  b: T,
): number => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The LedgerRepository of the memory mode and the tests, on the shared reservation database. */
export const makeMemoryLedgerRepository = (db: ReservationDb): LedgerRepository => ({
  append: (entries, audit) =>
    atomically(() => {
      const append = prepareAppend(db, entries, audit);
      if (E.isLeft(append)) return append;
      append.right();
      return E.right(undefined);
    }),
  listByPlan: (planId) =>
    atomically(() =>
      E.right(
        [...db.ledger.values()]
          .filter((e) => e.planId === planId)
          .sort(byAtThenId)
          .map(copy<LedgerEntry>),
      ),
    ),
  listByOwnership: (planId, ownershipId) =>
    atomically(() =>
      E.right(
        [...db.ledger.values()]
          .filter((e) => e.planId === planId && e.ownershipId === ownershipId)
          .sort(byAtThenId)
          .map(copy<LedgerEntry>),
      ),
    ),
});

/** The AuditLog of the memory mode and the tests, on the shared reservation database. */
export const makeMemoryAuditLog = (db: ReservationDb, cursors: CursorCodec): AuditLog => ({
  search: (query, page) =>
    atomically(() =>
      paginate(
        [...db.audit.values()]
          .filter(matches(query))
          .sort(byAtThenId)
          .map(copy<AuditEntry>),
        auditSortKey,
        page,
        cursors,
        `audit:${JSON.stringify(query)}`,
      ),
    ),
  listBySubject: (subjectType, subjectId) =>
    atomically(() =>
      E.right(
        [...db.audit.values()]
          .filter((e) => e.subject.type === subjectType && e.subject.id === subjectId)
          .sort(byAtThenId)
          .map(copy<AuditEntry>),
      ),
    ),
  listByPlan: (planId) =>
    atomically(() =>
      E.right(
        [...db.audit.values()]
          .filter((e) => e.planId === planId)
          .sort(byAtThenId)
          .map(copy<AuditEntry>),
      ),
    ),
});
