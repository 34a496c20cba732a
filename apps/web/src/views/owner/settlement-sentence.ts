import type { OwnershipAllocation, Plan } from "../../api/types";
import { formatYen } from "../../format";
import type { I18n } from "../../i18n/i18n";

/**
 * The owner's settlement in one translated sentence, built from the numbers (the API's own
 * statement lines, in the language the site asked for, are shown under "statement").
 */
export const settlementSentence = (
  { t, lang }: Pick<I18n, "t" | "lang">,
  allocation: OwnershipAllocation,
  plan: Pick<Plan, "unitLabel" | "riskTerms">,
): string => {
  const params = {
    entitled: allocation.entitledUnits,
    allocated: allocation.allocatedUnits,
    missing: allocation.missingUnits,
    unit: plan.unitLabel,
  };
  if (allocation.missingUnits === 0) return t("harvest.summary.full", params);
  if (allocation.refundYen > 0)
    return t("harvest.summary.refund", {
      ...params,
      amount: formatYen(lang, allocation.refundYen),
    });
  if (allocation.creditYen > 0)
    return t("harvest.summary.credit", {
      ...params,
      amount: formatYen(lang, allocation.creditYen),
    });
  return t("harvest.summary.shared", params);
};
