-- Allocation fairness per plan: each active ownership's standard units against its exact quota
-- (units allocated on the plan x its shares / all active shares). The quota method keeps every
-- deviation below 1 unit; a max_deviation of 1 or more is a bug worth a look.
WITH received AS (
  SELECT ownership_id, sum(units) AS units
  FROM allocations_current WHERE grade = 'standard' GROUP BY ownership_id
),
holdings AS (
  SELECT o.plan_id, o.id AS ownership_id, o.shares, coalesce(r.units, 0) AS units
  FROM ownerships_current o
  LEFT JOIN received r ON r.ownership_id = o.id
  WHERE o.status = 'active'
),
plan_totals AS (
  SELECT plan_id, sum(units) AS house_units, sum(shares) AS shares, count(*) AS ownerships
  FROM holdings GROUP BY plan_id
)
SELECT
  h.plan_id,
  t.ownerships,
  t.house_units,
  max(abs(h.units - CAST(t.house_units AS DOUBLE) * h.shares / t.shares)) AS max_deviation
FROM holdings h
JOIN plan_totals t ON t.plan_id = h.plan_id
WHERE h.plan_id IN (SELECT DISTINCT plan_id FROM allocations_current)
GROUP BY h.plan_id, t.ownerships, t.house_units
ORDER BY h.plan_id;
