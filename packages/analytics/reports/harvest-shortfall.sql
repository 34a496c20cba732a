-- Harvest shortfall by producer and risk terms, over plans with a recorded harvest: entitled units
-- (units per share x active shares), standard units harvested, units missing (per plan, never
-- negative) and what the risk terms paid for them (shortfall refunds and store credit).
WITH harvested AS (
  SELECT plan_id, sum(CASE WHEN grade = 'standard' THEN quantity ELSE 0 END) AS standard_units
  FROM harvest_lots_current GROUP BY plan_id
),
active_shares AS (
  SELECT plan_id, sum(shares) AS shares FROM ownerships_current WHERE status = 'active' GROUP BY plan_id
),
compensation AS (
  SELECT
    plan_id,
    sum(CASE WHEN reason = 'shortfall-refund' AND kind = 'refund' THEN amount_yen ELSE 0 END) AS refund_yen,
    sum(CASE WHEN reason = 'shortfall-credit' AND kind = 'credit' THEN amount_yen ELSE 0 END) AS credit_yen
  FROM ledger_entries_current GROUP BY plan_id
),
per_plan AS (
  SELECT
    p.producer_id,
    p.risk_terms,
    CAST(p.units_per_share AS BIGINT) * coalesce(a.shares, 0) AS entitled_units,
    h.standard_units,
    greatest(CAST(p.units_per_share AS BIGINT) * coalesce(a.shares, 0) - h.standard_units, 0) AS shortfall_units,
    coalesce(c.refund_yen, 0) AS refund_yen,
    coalesce(c.credit_yen, 0) AS credit_yen
  FROM plans_current p
  JOIN harvested h ON h.plan_id = p.id
  LEFT JOIN active_shares a ON a.plan_id = p.id
  LEFT JOIN compensation c ON c.plan_id = p.id
)
SELECT
  producer_id,
  risk_terms,
  count(*) AS plans,
  sum(entitled_units) AS entitled_units,
  sum(standard_units) AS harvested_standard_units,
  sum(shortfall_units) AS shortfall_units,
  sum(CASE WHEN shortfall_units > 0 THEN 1 ELSE 0 END) AS plans_short,
  sum(refund_yen) AS shortfall_refund_yen,
  sum(credit_yen) AS shortfall_credit_yen
FROM per_plan
GROUP BY producer_id, risk_terms
ORDER BY producer_id, risk_terms;
