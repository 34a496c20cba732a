import { useState } from "react";
import { call } from "../../api/client";
import type { BatchRunReport, Plan } from "../../api/types";
import { useApp } from "../../app-context";
import { ProblemMessage } from "../../components/problem-message";
import { useI18n } from "../../i18n/i18n";
import { useAction } from "../../use-action";

/** Local only: runs a batch now with a dev-login admin token, as the scheduler would later. */
export const DevBatchButton = ({
  plan,
  batch,
  label,
  onDone,
}: {
  plan: Plan;
  batch: "allocate-harvests" | "schedule-shipments";
  label: string;
  onDone: () => void;
}) => {
  const { t } = useI18n();
  const { api, devLogin } = useApp();
  const [report, setReport] = useState<BatchRunReport | undefined>(undefined);
  const run = useAction(async () => {
    const adminToken = await devLogin("admin-local-dev", "admin", "local dev");
    const result = await call(
      api.POST("/admin/batches/{name}", {
        params: { path: { name: batch } },
        body: { planId: plan.id },
        headers: { authorization: `Bearer ${adminToken}` },
      }),
    );
    setReport(result);
    onDone();
  });
  const counts = report
    ? Object.entries(report.counts)
        .filter(([, n]) => n > 0)
        .map(([what, n]) => `${what} ${n}`)
        .join(", ")
    : "";
  return (
    <div className="dev-action">
      <button type="button" className="dev" disabled={run.pending} onClick={() => void run.start()}>
        {label}
      </button>
      {report && (
        <p className="success" role="status">
          {t("producer.batchDone", { counts: counts || "-" })}
        </p>
      )}
      {run.problem && <ProblemMessage problem={run.problem} />}
    </div>
  );
};
