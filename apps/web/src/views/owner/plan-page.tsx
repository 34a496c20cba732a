import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useParams, useSearchParams } from "react-router";
import { call } from "../../api/client";
import { problemFromError } from "../../api/problem";
import type { Plan } from "../../api/types";
import { useApp } from "../../app-context";
import { ProblemMessage } from "../../components/problem-message";
import { QueryContent } from "../../components/query-content";
import { formatDate, formatDateTime, formatYen } from "../../format";
import { useI18n } from "../../i18n/i18n";
import { queryKeys } from "../../queries/query-keys";
import { usePlan } from "../../queries/use-plan";
import { labelOf, REGIONS } from "../../vocabulary";
import { ExperiencesSection } from "../experiences";
import { LogisticsFacts } from "../logistics/logistics-facts";
import { ProducerCard } from "../people/producer-card";
import { PhotoImage } from "../photo";
import { SeasonReportSection } from "../season/season-report";
import { UpdatesTimeline } from "../updates";
import { PriceTiers, QuoteDisplay } from "./quote-display";
import { ReservePanel } from "./reserve-panel";
import { WaitlistPlace } from "./waitlist-place";

/** The regions this plan ships to: its surcharge table, or every region when it has none. */
export const shippingRegionsOf = (plan: Plan): readonly string[] => {
  const keys = Object.keys(plan.shippingSurchargeYen);
  return keys.length > 0 ? keys : REGIONS;
};

const QuoteAndReserve = ({ plan }: { plan: Plan }) => {
  const { t } = useI18n();
  const { api, session } = useApp();
  const regions = shippingRegionsOf(plan);
  // "Reserve again" links here with last season's shares (?shares=N), within the plan's cap.
  const [searchParams] = useSearchParams();
  const prefilled = Math.min(
    plan.maxSharesPerOwner,
    Math.max(0, Math.floor(Number(searchParams.get("shares")) || 0)),
  );
  const [shares, setShares] = useState(prefilled > 0 ? prefilled : 1);
  const [region, setRegion] = useState(regions.includes("kanto") ? "kanto" : (regions[0] ?? ""));
  const sharesId = useId();
  const regionId = useId();
  const quote = useQuery({
    queryKey: queryKeys.quote(plan.id, shares, region),
    queryFn: () =>
      call(
        api.GET("/plans/{id}/quote", {
          params: { path: { id: plan.id }, query: { shares, shippingRegion: region } },
        }),
      ),
    // While the next quote loads, the last one stays rather than a spinner at each keystroke.
    placeholderData: keepPreviousData,
  });
  return (
    <section id="reserve" className="card" aria-labelledby={`${sharesId}-title`}>
      <h2 id={`${sharesId}-title`}>{t("quote.title")}</h2>
      {prefilled > 0 && (
        <p className="notice">{t("nextSeason.prefilled", { shares: prefilled })}</p>
      )}
      <PriceTiers plan={plan} />
      <div className="row">
        <div className="field">
          <label htmlFor={sharesId}>{t("quote.shares")}</label>
          <input
            id={sharesId}
            type="number"
            min={1}
            max={plan.maxSharesPerOwner}
            value={shares}
            onChange={(e) => setShares(Math.max(1, Math.floor(Number(e.target.value) || 1)))}
          />
        </div>
        <div className="field">
          <label htmlFor={regionId}>{t("quote.shippingRegion")}</label>
          <select id={regionId} value={region} onChange={(e) => setRegion(e.target.value)}>
            {regions.map((r) => (
              <option key={r} value={r}>
                {labelOf(t, "region", r)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <QueryContent query={quote}>{(q) => <QuoteDisplay quote={q} />}</QueryContent>
      <ReservePanel
        plan={plan}
        shares={shares}
        shippingRegion={region}
        totalYen={quote.data?.totalYen}
      />
      {/* Only a sold-out plan has a line (joining needs it sold out). */}
      {session?.role === "owner" && plan.sharesRemaining === 0 && (
        <WaitlistPlace planId={plan.id} />
      )}
    </section>
  );
};

export const PlanFacts = ({ plan }: { plan: Plan }) => {
  const { t, lang } = useI18n();
  return (
    <dl className="facts">
      <dt>{t("quote.tiers")}</dt>
      <dd data-testid="plan-price">
        {t("plans.priceFrom", { price: formatYen(lang, plan.priceYen) })}
      </dd>
      <dt>{t("plan.unitsPerShare")}</dt>
      <dd>
        {plan.unitsPerShare} {plan.unitLabel}
      </dd>
      <dt>{t("plan.sharesRemaining")}</dt>
      <dd data-testid="shares-remaining">
        {t("plan.sharesOf", { remaining: plan.sharesRemaining, total: plan.totalShares })}
      </dd>
      <dt>{t("plan.maxPerOwner")}</dt>
      <dd>{plan.maxSharesPerOwner}</dd>
      <dt>{t("plan.salesWindow")}</dt>
      <dd>
        {formatDateTime(lang, plan.salesOpenAt)} – {formatDateTime(lang, plan.salesCloseAt)}
      </dd>
      {plan.returningOwnersOpenAt === undefined ? null : (
        <>
          <dt>{t("plan.returningOwnersOpenAt")}</dt>
          <dd data-testid="returning-owners-open-at">
            {formatDateTime(lang, plan.returningOwnersOpenAt)}
          </dd>
        </>
      )}
      <dt>{t("plan.delivery")}</dt>
      <dd>
        {formatDate(lang, plan.deliveryFrom)} – {formatDate(lang, plan.deliveryTo)}
      </dd>
      <dt>{t("plan.cancellationDeadline")}</dt>
      <dd>
        {t("plan.cancellationDeadlineText", {
          date: formatDateTime(lang, plan.cancellationDeadline),
        })}
      </dd>
      <dt>{t("plan.risk")}</dt>
      <dd>{t(`risk.${plan.riskTerms}`)}</dd>
    </dl>
  );
};

export const PlanPage = () => {
  const { id = "" } = useParams();
  const { t } = useI18n();
  const loaded = usePlan(id);
  const problem = loaded.error == null ? undefined : problemFromError(loaded.error);
  if (loaded.data === undefined && problem?.status === 404)
    return <ProblemMessage problem={{ ...problem, title: t("plan.notFound") }} />;
  return (
    <QueryContent query={loaded}>
      {(plan) => (
        <article className="plan-page">
          <h1>{plan.title}</h1>
          <p className="tags">
            <span className={`badge status-${plan.status}`}>{t(`status.${plan.status}`)}</span>
            <span className="badge">{labelOf(t, "category", plan.category)}</span>
            <span className="badge">{labelOf(t, "region", plan.region)}</span>
          </p>
          {plan.photoUrls.length > 0 && (
            <section aria-label={t("plan.photos")} className="photos">
              {plan.photoUrls.map((src, i) => (
                <PhotoImage key={plan.photoKeys[i] ?? src} src={src} alt={plan.title} />
              ))}
            </section>
          )}
          <ProducerCard producer={plan.producer} />
          <div className="two-columns">
            <div>
              <section>
                <h2>{t("plan.story")}</h2>
                <p className="story">{plan.description}</p>
              </section>
              <section>
                <h2>{t("plan.facts")}</h2>
                <PlanFacts plan={plan} />
                <LogisticsFacts plan={plan} />
              </section>
            </div>
            {plan.status === "open" && <QuoteAndReserve plan={plan} />}
          </div>
          {plan.status === "completed" && <SeasonReportSection planId={plan.id} />}
          <ExperiencesSection planId={plan.id} seatsPerOwner={plan.experienceSeatsPerOwner} />
          <UpdatesTimeline planId={plan.id} />
        </article>
      )}
    </QueryContent>
  );
};
