import type { AnalyticsRecord, LotAllocation } from "@owners/app";
import type { HarvestLot, LedgerEntry, Ownership, Plan } from "@owners/domain";

/**
 * The saved reports computed straight from the records in TypeScript (no SQL, no export): the
 * figures the DuckDB results over the exported files must equal.
 */
const ofKind = <E extends AnalyticsRecord["entity"]>(
  records: readonly AnalyticsRecord[],
  entity: E,
) =>
  records
    .filter((r): r is Extract<AnalyticsRecord, { entity: E }> => r.entity === entity)
    .map((r) => r.value as Extract<AnalyticsRecord, { entity: E }>["value"]);

const groupBy = <T>(list: readonly T[], key: (t: T) => string): Map<string, T[]> => {
  const groups = new Map<string, T[]>();
  for (const item of list) {
    const k = key(item);
    const group = groups.get(k);
    if (group === undefined) groups.set(k, [item]);
    else group.push(item);
  }
  return groups;
};

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
const byKey = (a: { key: string }, b: { key: string }) =>
  a.key < b.key ? -1 : a.key > b.key ? 1 : 0;

export const salesAndPayouts = (records: readonly AnalyticsRecord[]) => {
  const plans = new Map(ofKind(records, "plans").map((p) => [p.id as string, p]));
  const entries = ofKind(records, "ledger_entries");
  const groups = groupBy(
    entries,
    (e) => `${plans.get(e.planId)?.producerId}|${e.planId}|${e.at.slice(0, 7)}`,
  );
  return [...groups]
    .map(([key, list]) => {
      const [producer_id, plan_id, month] = key.split("|");
      const total = (kind: LedgerEntry["kind"]) =>
        sum(list.filter((e) => e.kind === kind).map((e) => e.amountYen));
      return {
        key,
        row: {
          producer_id,
          plan_id,
          month,
          charges_yen: total("charge"),
          refunds_yen: total("refund"),
          net_sales_yen: total("charge") - total("refund"),
          fees_yen: total("fee"),
          payouts_yen: total("payout"),
          credits_yen: total("credit"),
        },
      };
    })
    .sort(byKey)
    .map((r) => r.row);
};

export const ownerRetention = (records: readonly AnalyticsRecord[]) => {
  const plans = new Map(ofKind(records, "plans").map((p) => [p.id as string, p]));
  const seasons = new Map<string, Set<string>>(); // producer|season -> owners
  for (const o of ofKind(records, "ownerships")) {
    if (o.status !== "active") continue;
    const plan = plans.get(o.planId) as Plan;
    const key = `${plan.producerId}|${Number(plan.salesWindow.opensAt.slice(0, 4))}`;
    const owners = seasons.get(key) ?? new Set<string>();
    owners.add(o.ownerId);
    seasons.set(key, owners);
  }
  return [...seasons]
    .map(([key, owners]) => {
      const [producer_id, season] = key.split("|") as [string, string];
      const next = seasons.get(`${producer_id}|${Number(season) + 1}`) ?? new Set<string>();
      const again = [...owners].filter((o) => next.has(o)).length;
      return {
        key: `${producer_id}|${season}`,
        row: {
          producer_id,
          season: Number(season),
          owners: owners.size,
          owners_again_next_season: again,
          retention_pct: Math.round((1000 * again) / owners.size) / 10,
        },
      };
    })
    .sort(byKey)
    .map((r) => r.row);
};

export const harvestShortfall = (records: readonly AnalyticsRecord[]) => {
  const lotsByPlan = groupBy(ofKind(records, "harvest_lots"), (l: HarvestLot) => l.planId);
  const ownerships = groupBy(ofKind(records, "ownerships"), (o: Ownership) => o.planId);
  const entries = groupBy(ofKind(records, "ledger_entries"), (e: LedgerEntry) => e.planId);
  const perPlan = ofKind(records, "plans")
    .filter((p) => lotsByPlan.has(p.id))
    .map((p) => {
      const shares = sum(
        (ownerships.get(p.id) ?? []).filter((o) => o.status === "active").map((o) => o.shares),
      );
      const entitled = p.unitsPerShare * shares;
      const standard = sum(
        (lotsByPlan.get(p.id) ?? []).filter((l) => l.grade === "standard").map((l) => l.quantity),
      );
      const mine = entries.get(p.id) ?? [];
      return {
        p,
        entitled,
        standard,
        shortfall: Math.max(entitled - standard, 0),
        refund: sum(
          mine
            .filter((e) => e.reason === "shortfall-refund" && e.kind === "refund")
            .map((e) => e.amountYen),
        ),
        credit: sum(
          mine
            .filter((e) => e.reason === "shortfall-credit" && e.kind === "credit")
            .map((e) => e.amountYen),
        ),
      };
    });
  return [...groupBy(perPlan, (x) => `${x.p.producerId}|${x.p.riskTerms}`)]
    .map(([key, list]) => {
      const [producer_id, risk_terms] = key.split("|");
      return {
        key,
        row: {
          producer_id,
          risk_terms,
          plans: list.length,
          entitled_units: sum(list.map((x) => x.entitled)),
          harvested_standard_units: sum(list.map((x) => x.standard)),
          shortfall_units: sum(list.map((x) => x.shortfall)),
          plans_short: list.filter((x) => x.shortfall > 0).length,
          shortfall_refund_yen: sum(list.map((x) => x.refund)),
          shortfall_credit_yen: sum(list.map((x) => x.credit)),
        },
      };
    })
    .sort(byKey)
    .map((r) => r.row);
};

export const allocationFairness = (records: readonly AnalyticsRecord[]) => {
  const allocations = ofKind(records, "allocations");
  const received = new Map<string, number>();
  for (const a of allocations as LotAllocation[])
    if (a.grade === "standard")
      received.set(a.ownershipId, (received.get(a.ownershipId) ?? 0) + a.units);
  const planned = new Set(allocations.map((a) => a.planId as string));
  const active = groupBy(
    ofKind(records, "ownerships").filter((o) => o.status === "active" && planned.has(o.planId)),
    (o) => o.planId,
  );
  return [...active]
    .map(([plan_id, list]) => {
      const house = sum(list.map((o) => received.get(o.id) ?? 0));
      const shares = sum(list.map((o) => o.shares));
      return {
        key: plan_id,
        row: {
          plan_id,
          ownerships: list.length,
          house_units: house,
          max_deviation: Math.max(
            ...list.map((o) => Math.abs((received.get(o.id) ?? 0) - (house * o.shares) / shares)),
          ),
        },
      };
    })
    .sort(byKey)
    .map((r) => r.row);
};

export const MODEL_REPORTS: Record<
  string,
  (records: readonly AnalyticsRecord[]) => Record<string, unknown>[]
> = {
  "sales-and-payouts": salesAndPayouts,
  "owner-retention": ownerRetention,
  "harvest-shortfall": harvestShortfall,
  "allocation-fairness": allocationFairness,
};
