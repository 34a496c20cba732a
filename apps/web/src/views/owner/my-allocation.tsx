import type { Plan } from "../../api/types";
import { QueryContent } from "../../components/query-content";
import { formatYen } from "../../format";
import { useI18n } from "../../i18n/i18n";
import { useAllocations } from "../../queries/use-allocations";
import { AllocationChart } from "./allocation-chart";
import { settlementSentence } from "./settlement-sentence";

/**
 * One ownership's harvest: entitled vs received, the settlement, any refund or credit. The API
 * answers an owner with its own rows only; an owner may hold several ownerships of one plan (one
 * per reservation), so each card shows the row of its own ownership.
 */
export const MyAllocation = ({ plan, ownershipId }: { plan: Plan; ownershipId: string }) => {
  const { t, lang } = useI18n();
  const allocations = useAllocations(plan.id, (rows) =>
    rows.filter((row) => row.ownershipId === ownershipId),
  );
  return (
    <section>
      <h3>{t("harvest.allocation")}</h3>
      <QueryContent query={allocations}>
        {(mine) =>
          mine.length === 0 ? (
            <p className="muted">{t("harvest.notAllocated")}</p>
          ) : (
            mine.map((a) => (
              <div key={a.ownershipId} className="allocation" data-testid="allocation">
                <AllocationChart
                  entitled={a.entitledUnits}
                  lots={a.lots}
                  unitLabel={plan.unitLabel}
                />
                <p data-testid="settlement">{settlementSentence({ t, lang }, a, plan)}</p>
                <dl className="facts">
                  <dt>{t("harvest.missing")}</dt>
                  <dd>
                    {a.missingUnits} {plan.unitLabel}
                  </dd>
                  {a.refundYen > 0 && (
                    <>
                      <dt>{t("harvest.refund")}</dt>
                      <dd data-testid="refund">{formatYen(lang, a.refundYen)}</dd>
                    </>
                  )}
                  {a.creditYen > 0 && (
                    <>
                      <dt>{t("harvest.credit")}</dt>
                      <dd data-testid="credit">{formatYen(lang, a.creditYen)}</dd>
                    </>
                  )}
                </dl>
                {a.statement.length > 0 && (
                  <details>
                    <summary>{t("harvest.statement")}</summary>
                    <ul>
                      {a.statement.map((line) => (
                        <li key={line}>{line}</li>
                      ))}
                    </ul>
                  </details>
                )}
              </div>
            ))
          )
        }
      </QueryContent>
    </section>
  );
};
