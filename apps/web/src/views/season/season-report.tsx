import { useQuery } from "@tanstack/react-query";
import { call } from "../../api/client";
import type { SeasonReport } from "../../api/types";
import { useApp } from "../../app-context";
import { formatDate } from "../../format";
import { useI18n } from "../../i18n/i18n";
import { queryKeys } from "../../queries/query-keys";
import { PhotoImage } from "../photo";

/** A plan's season report as the API answers it (null until published; the producer's form values). */
export const useSeasonReport = (planId: string, enabled = true) => {
  const { api } = useApp();
  return useQuery({
    queryKey: queryKeys.seasonReport(planId),
    queryFn: () => call(api.GET("/plans/{id}/season-report", { params: { path: { id: planId } } })),
    enabled,
  });
};

/** The published report: totals, note and photos. */
export const SeasonReportCard = ({ report }: { report: SeasonReport }) => {
  const { t, lang } = useI18n();
  return (
    <section className="card season-report" data-testid="season-report">
      <h2>{t("season.title")}</h2>
      <dl className="facts">
        <dt>{t("season.harvested")}</dt>
        <dd data-testid="season-harvested">
          {t("season.harvestedValue", { units: report.harvestedUnits, unit: report.unitLabel })}
        </dd>
        <dt>{t("season.lots")}</dt>
        <dd>{t("season.lotsValue", { n: report.lotCount })}</dd>
      </dl>
      {report.note !== "" && <p className="story">{report.note}</p>}
      {report.photoUrls.length > 0 && (
        <div className="photos">
          {report.photoUrls.map((src, i) => (
            <PhotoImage
              key={report.photoKeys[i] ?? src}
              src={src}
              alt={t("season.photoAlt", { n: i + 1 })}
            />
          ))}
        </div>
      )}
      <p className="muted">
        {t("season.publishedAt", { date: formatDate(lang, report.publishedAt) })}
        {report.version > 1 &&
          ` · ${t("season.updatedAt", { date: formatDate(lang, report.updatedAt) })}`}
      </p>
    </section>
  );
};

/** On the plan page: the season report once the producer published it (nothing before). */
export const SeasonReportSection = ({ planId }: { planId: string }) => {
  const loaded = useSeasonReport(planId);
  const report = loaded.data?.report;
  return report == null ? null : <SeasonReportCard report={report} />;
};
