-- Sales and payouts by plan, producer and month (UTC month of the ledger entry).
-- Ledger entries are append-only; ledger_entries_current dedupes by id anyway (an entry exported
-- twice counts once).
SELECT
  p.producer_id,
  e.plan_id,
  substr(CAST(e."at" AS VARCHAR), 1, 7) AS month,
  sum(CASE WHEN e.kind = 'charge' THEN e.amount_yen ELSE 0 END) AS charges_yen,
  sum(CASE WHEN e.kind = 'refund' THEN e.amount_yen ELSE 0 END) AS refunds_yen,
  sum(CASE WHEN e.kind = 'charge' THEN e.amount_yen WHEN e.kind = 'refund' THEN -e.amount_yen ELSE 0 END) AS net_sales_yen,
  sum(CASE WHEN e.kind = 'fee' THEN e.amount_yen ELSE 0 END) AS fees_yen,
  sum(CASE WHEN e.kind = 'payout' THEN e.amount_yen ELSE 0 END) AS payouts_yen,
  sum(CASE WHEN e.kind = 'credit' THEN e.amount_yen ELSE 0 END) AS credits_yen
FROM ledger_entries_current e
JOIN plans_current p ON p.id = e.plan_id
GROUP BY p.producer_id, e.plan_id, substr(CAST(e."at" AS VARCHAR), 1, 7)
ORDER BY p.producer_id, e.plan_id, month;
