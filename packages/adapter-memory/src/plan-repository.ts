import type { CursorCodec, ListReadBudget, PlanFilter, PlanRepository } from "@owners/app";
import { appError, DEFAULT_LIST_READ_BUDGET, storeErrors } from "@owners/app";
import type { Plan } from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import * as O from "fp-ts/lib/Option.js";
import { paginateFiltered } from "./paginate.ts";
import { atomically, copy, prepareAppend, type ReservationDb } from "./reservation-db.ts";

const newestFirstKey = (plan: Plan) => `${plan.createdAt}#${plan.id}`;

/** The index partition the DynamoDB adapter queries: by producer, else by status, else all. */
const inPartition = (filter: PlanFilter) => (plan: Plan) =>
  filter.producerId !== undefined
    ? plan.producerId === filter.producerId
    : filter.status === undefined || plan.status === filter.status;

/** What the DynamoDB adapter's FilterExpression keeps of that partition. */
const matches = (filter: PlanFilter) => (plan: Plan) =>
  (filter.status === undefined || plan.status === filter.status) &&
  (filter.category === undefined || plan.category === filter.category) &&
  (filter.region === undefined || plan.region === filter.region);

const newestFirst = (plans: Iterable<Plan>) =>
  [...plans].sort((a, b) => (newestFirstKey(a) < newestFirstKey(b) ? 1 : -1));

/** The PlanRepository of the memory mode and the tests, on the shared reservation database. */
export const makeMemoryPlanRepository = (
  db: ReservationDb,
  cursors: CursorCodec,
  budget: ListReadBudget = DEFAULT_LIST_READ_BUDGET,
): PlanRepository => ({
  create: (plan, audit = []) =>
    atomically(() => {
      if (db.plans.has(plan.id))
        return E.left(
          appError("STORE.DUPLICATE", "a plan with this id exists", { planId: plan.id }),
        );
      const append = prepareAppend(db, [], audit);
      if (E.isLeft(append)) return append;
      db.plans.set(plan.id, copy(plan));
      append.right();
      return E.right(copy(plan));
    }),

  get: (id) => atomically(() => E.right(O.map(copy<Plan>)(O.fromNullable(db.plans.get(id))))),

  getMany: (ids) =>
    atomically(() =>
      E.right(
        [...new Set(ids)].flatMap((id) =>
          db.plans.has(id) ? [copy(db.plans.get(id) as Plan)] : [],
        ),
      ),
    ),

  save: (plan, expectedVersion, audit = [], notices = []) =>
    atomically(() => {
      const stored = db.plans.get(plan.id);
      if (stored === undefined) return E.left(storeErrors.planNotFound(plan.id));
      if (stored.version !== expectedVersion)
        return E.left(storeErrors.versionConflict("plan", plan.id));
      const append = prepareAppend(db, [], audit, notices);
      if (E.isLeft(append)) return append;
      // Identity, creation facts and the counters stay as stored: only the producer's fields move.
      const next: Plan = {
        ...plan,
        id: stored.id,
        producerId: stored.producerId,
        platformFeeBps: stored.platformFeeBps,
        createdAt: stored.createdAt,
        sharesSold: stored.sharesSold,
        sharesOffered: stored.sharesOffered,
        version: expectedVersion + 1,
      };
      db.plans.set(plan.id, copy(next));
      append.right();
      return E.right(copy(next));
    }),

  list: (filter, page) =>
    atomically(() =>
      paginateFiltered(
        newestFirst([...db.plans.values()].filter(inPartition(filter))),
        matches(filter),
        newestFirstKey,
        page,
        cursors,
        `plans:${JSON.stringify([filter.status, filter.category, filter.region, filter.producerId])}`,
        budget,
        true,
      ),
    ),

  listOpenClosingBy: (before, page) =>
    atomically(() =>
      paginateFiltered(
        newestFirst([...db.plans.values()].filter((p) => p.status === "open")),
        (p) => p.salesWindow.closesAt <= before,
        newestFirstKey,
        page,
        cursors,
        `plans-closing:${before}`,
        budget,
        true,
      ),
    ),
});
