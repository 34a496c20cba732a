-- Owner retention by producer: of the owners holding an active ownership of a producer's plans in
-- a season (the year its sales open), how many hold one of the same producer's plans next season.
WITH owner_seasons AS (
  SELECT DISTINCT p.producer_id, year(p.sales_opens_at) AS season, o.owner_id_hash
  FROM ownerships_current o
  JOIN plans_current p ON p.id = o.plan_id
  WHERE o.status = 'active'
)
SELECT
  s.producer_id,
  s.season,
  count(*) AS owners,
  count(n.owner_id_hash) AS owners_again_next_season,
  round(100.0 * count(n.owner_id_hash) / count(*), 1) AS retention_pct
FROM owner_seasons s
LEFT JOIN owner_seasons n
  ON n.producer_id = s.producer_id AND n.season = s.season + 1 AND n.owner_id_hash = s.owner_id_hash
GROUP BY s.producer_id, s.season
ORDER BY s.producer_id, s.season;
