import type { ReconciliationMismatches } from "../ports/reconciliation-mismatches.ts";
import { listDisputes } from "./list-disputes.ts";
import { listReconciliationMismatches } from "./list-reconciliation.ts";
import { getPlanMoney, type PlanMoneyDeps } from "./plan-money.ts";
import { getRefundProgress } from "./refund-progress.ts";

/** Money statements, reconciliation findings and disputes: what an app binds to USE_CASE_TOKENS.money. */
export const makeMoneyUseCases = (
  deps: PlanMoneyDeps & { readonly reconciliation: ReconciliationMismatches },
) => ({
  planMoney: getPlanMoney(deps),
  refundProgress: getRefundProgress(deps),
  reconciliationMismatches: listReconciliationMismatches(deps),
  disputes: listDisputes(deps),
});

export type MoneyUseCases = ReturnType<typeof makeMoneyUseCases>;
