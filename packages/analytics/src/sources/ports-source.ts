import type { AnalyticsRecord, AnalyticsSource, AppError, PageRequest, Ports } from "@owners/app";
import type { Plan } from "@owners/domain";
import * as TE from "fp-ts/lib/TaskEither.js";
import { segmentOf } from "./segment-of.ts";

type SourcePorts = Pick<
  Ports,
  | "plans"
  | "ownerships"
  | "ledger"
  | "audit"
  | "harvests"
  | "allocations"
  | "shipments"
  | "experiences"
>;

const PAGE = 500;

/** Every item of a paged listing. */
const allPages = async <T>(
  list: (
    page: PageRequest,
  ) => TE.TaskEither<AppError, { items: readonly T[]; nextCursor?: string }>,
): Promise<T[]> => {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await list(cursor === undefined ? { limit: PAGE } : { limit: PAGE, cursor })();
    if (page._tag === "Left") throw page.left;
    items.push(...page.right.items);
    cursor = page.right.nextCursor;
  } while (cursor !== undefined);
  return items;
};

const orThrow = async <T>(task: TE.TaskEither<AppError, T>): Promise<T> => {
  const result = await task();
  if (result._tag === "Left") throw result.left;
  return result.right;
};

const recordsOfPlan = async (ports: SourcePorts, plan: Plan): Promise<AnalyticsRecord[]> => {
  const records: AnalyticsRecord[] = [{ entity: "plans", value: plan }];
  const push = <E extends AnalyticsRecord["entity"]>(
    entity: E,
    values: readonly Extract<AnalyticsRecord, { entity: E }>["value"][],
  ) => {
    for (const value of values) records.push({ entity, value } as AnalyticsRecord);
  };
  push("ownerships", await allPages((p) => ports.ownerships.listByPlan(plan.id, p)));
  push("ledger_entries", await orThrow(ports.ledger.listByPlan(plan.id)));
  // A plan's trail (plan, ownership, money and lot entries written with the plan's id).
  push("audit_entries", await orThrow(ports.audit.listByPlan(plan.id)));
  push("harvest_lots", await orThrow(ports.harvests.listByPlan(plan.id)));
  for (const lotId of await orThrow(ports.allocations.allocatedLotIds(plan.id)))
    push(
      "allocations",
      await allPages((p) => ports.allocations.listLotAllocations(plan.id, lotId, p)),
    );
  push("shipments", await allPages((p) => ports.shipments.listByPlan(plan.id, p)));
  const experiences = await allPages((p) => ports.experiences.listByPlan(plan.id, p));
  push("experiences", experiences);
  for (const experience of experiences)
    push("bookings", await allPages((p) => ports.experiences.listBookings(experience.id, p)));
  return records;
};

/**
 * An AnalyticsSource that walks the storing ports plan by plan (the memory mode, whose adapters
 * have no scan): every entity hangs off a plan. Each segment walks everything and keeps its share,
 * which is fine for the memory mode's few hundred items and nothing more.
 */
export const makePortsAnalyticsSource = (ports: SourcePorts): AnalyticsSource => ({
  readSegment: (segment, totalSegments, onPage) =>
    TE.tryCatch(
      async () => {
        const plans = await allPages((p) => ports.plans.list({}, p));
        const records = (await Promise.all(plans.map((plan) => recordsOfPlan(ports, plan)))).flat();
        const mine = records.filter((r) => segmentOf(r, totalSegments) === segment);
        onPage(mine);
        return mine.length;
      },
      (error) => error as AppError,
    ),
});
