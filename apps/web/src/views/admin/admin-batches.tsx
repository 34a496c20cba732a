import { useMutation, useQueryClient } from "@tanstack/react-query";
import { call } from "../../api/client";
import { useApp } from "../../app-context";
import { ErrorMessage } from "../../components/problem-message";
import { QueryContent } from "../../components/query-content";
import { formatDateTime } from "../../format";
import { useI18n } from "../../i18n/i18n";
import { consoleKeys, useBatchRuns } from "../../queries/use-console";

const countsText = (counts: Record<string, number>) =>
  Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([what, n]) => `${what} ${n}`)
    .join(", ") || "-";

/** Runs a batch now, as the scheduler would (its answer is the invocation's report). */
const RunNow = ({ name }: { name: string }) => {
  const { t } = useI18n();
  const { api } = useApp();
  const queryClient = useQueryClient();
  const run = useMutation({
    mutationFn: () =>
      call(api.POST("/admin/batches/{name}", { params: { path: { name } }, body: {} })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: consoleKeys.batchRuns() }),
  });
  return (
    <div>
      <button type="button" disabled={run.isPending} onClick={() => run.mutate()}>
        {t("console.batches.run")}
      </button>
      {run.data && (
        <p className="success" role="status">
          {t("console.batches.ran", {
            batch: run.data.batch,
            outcome: run.data.outcome,
            counts: countsText(run.data.counts),
          })}
        </p>
      )}
      <ErrorMessage error={run.error} />
    </div>
  );
};

/** `/admin/batches`: each batch's recent runs, their progress and last report; run one now. */
export const AdminBatchesPage = () => {
  const { t, lang } = useI18n();
  const runs = useBatchRuns();
  return (
    <section className="card">
      <h2>{t("console.batches.title")}</h2>
      <QueryContent query={runs}>
        {(data) => (
          <div className="console-batches" data-testid="console-batches">
            {data.batches.map((batch) => (
              <article key={batch.name} className="batch" data-testid={`batch-${batch.name}`}>
                <h3>{batch.name}</h3>
                <RunNow name={batch.name} />
                {batch.runs.length === 0 ? (
                  <p className="muted">{t("console.batches.never")}</p>
                ) : (
                  <div className="table-scroll">
                    <table className="table">
                      <thead>
                        <tr>
                          <th scope="col">{t("console.batches.started")}</th>
                          <th scope="col">{t("console.batches.state")}</th>
                          <th scope="col">{t("console.batches.progress")}</th>
                          <th scope="col">{t("console.batches.lastReport")}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {batch.runs.map((run) => (
                          <tr key={`${run.scope}-${run.runId}`}>
                            <td>
                              {formatDateTime(lang, run.startedAt)}
                              {run.scope !== "all" && <span className="muted"> ({run.scope})</span>}
                            </td>
                            <td>{t(`console.batches.status.${run.status}`)}</td>
                            <td>
                              {t("console.batches.chunks", { chunks: run.chunks })} ·{" "}
                              {countsText(run.counts)}
                            </td>
                            <td>
                              {run.failure !== undefined && (
                                <span className="error-text">
                                  {run.failure.code}: {run.failure.message}
                                </span>
                              )}
                              {run.lastReport !== undefined && (
                                <span>
                                  {run.lastReport.outcome} ·{" "}
                                  {formatDateTime(lang, run.lastReport.updatedAt)}
                                  {run.lastReport.problems.length > 0 && (
                                    <>
                                      {" "}
                                      ·{" "}
                                      {t("console.batches.problems", {
                                        count: run.lastReport.problems.length,
                                      })}
                                      <ul>
                                        {run.lastReport.problems.map((p) => (
                                          <li key={`${p.item}-${p.code}`}>
                                            {p.item}: {p.code} {p.message}
                                          </li>
                                        ))}
                                      </ul>
                                    </>
                                  )}
                                </span>
                              )}
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                )}
              </article>
            ))}
          </div>
        )}
      </QueryContent>
    </section>
  );
};
