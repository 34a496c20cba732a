import { useId, useState } from "react";
import { Link } from "react-router";
import type { Plan } from "../../api/types";
import { ErrorMessage } from "../../components/problem-message";
import { QueryContent } from "../../components/query-content";
import { formatDate, formatYen } from "../../format";
import { useI18n } from "../../i18n/i18n";
import { CATEGORIES, labelOf, REGIONS, SEASONS, type Season, seasonOf } from "../../vocabulary";
import { PhotoImage } from "../photo";
import { usePlanPages } from "./use-plan-pages";

export interface PlanFilters {
  readonly category: string;
  readonly region: string;
  readonly season: Season | "";
  readonly openNow: boolean;
}

/** Season and "open now" are decided here; category and region are the API's own filters. */
export const matchesLocally = (plan: Plan, filters: PlanFilters, nowMs: number): boolean =>
  (filters.season === "" || seasonOf(plan.deliveryFrom) === filters.season) &&
  (!filters.openNow ||
    (plan.status === "open" &&
      Date.parse(plan.salesOpenAt) <= nowMs &&
      nowMs < Date.parse(plan.salesCloseAt) &&
      plan.sharesRemaining > 0));

export const PlanCard = ({ plan }: { plan: Plan }) => {
  const { t, lang } = useI18n();
  return (
    <li className="plan-card">
      <Link to={`/plans/${plan.id}`} className="plan-card-link">
        {plan.coverPhotoUrl !== null && <PhotoImage src={plan.coverPhotoUrl} alt="" />}
        {plan.producer !== null && (
          <p className="producer-line">
            {plan.producer.displayName} · {plan.producer.prefecture}
          </p>
        )}
        <h2>{plan.title}</h2>
      </Link>
      <p className="tags">
        <span className={`badge status-${plan.status}`}>{t(`status.${plan.status}`)}</span>
        <span className="badge">{labelOf(t, "category", plan.category)}</span>
        <span className="badge">{labelOf(t, "region", plan.region)}</span>
      </p>
      <p>
        {t("plans.priceFrom", { price: formatYen(lang, plan.priceYen) })} ·{" "}
        {t("plans.perShare", { units: plan.unitsPerShare, unit: plan.unitLabel })}
      </p>
      <p className="muted">
        {t("plan.delivery")}: {formatDate(lang, plan.deliveryFrom)} –{" "}
        {formatDate(lang, plan.deliveryTo)}
      </p>
      <p>{t("plans.remaining", { count: plan.sharesRemaining })}</p>
    </li>
  );
};

export const PlanListPage = () => {
  const { t } = useI18n();
  const [filters, setFilters] = useState<PlanFilters>({
    category: "",
    region: "",
    season: "",
    openNow: false,
  });
  const ids = { category: useId(), region: useId(), season: useId(), open: useId() };
  const pages = usePlanPages(filters);
  // A failed "more" is told beside its button; the plans already listed stay as they are.
  const listed = { data: pages.data, error: pages.isFetchNextPageError ? null : pages.error };
  const set = (patch: Partial<PlanFilters>) => setFilters((f) => ({ ...f, ...patch }));
  return (
    <section>
      <h1>{t("plans.title")}</h1>
      <form
        className="filters"
        aria-label={t("plans.filters")}
        onSubmit={(e) => e.preventDefault()}
      >
        <div className="field">
          <label htmlFor={ids.category}>{t("plans.category")}</label>
          <select
            id={ids.category}
            value={filters.category}
            onChange={(e) => set({ category: e.target.value })}
          >
            <option value="">{t("plans.any")}</option>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`category.${c}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.region}>{t("plans.region")}</label>
          <select
            id={ids.region}
            value={filters.region}
            onChange={(e) => set({ region: e.target.value })}
          >
            <option value="">{t("plans.any")}</option>
            {REGIONS.map((r) => (
              <option key={r} value={r}>
                {t(`region.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.season}>{t("plans.season")}</label>
          <select
            id={ids.season}
            value={filters.season}
            onChange={(e) => set({ season: e.target.value as Season | "" })}
          >
            <option value="">{t("plans.any")}</option>
            {SEASONS.map((s) => (
              <option key={s} value={s}>
                {t(`season.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field checkbox">
          <input
            id={ids.open}
            type="checkbox"
            checked={filters.openNow}
            onChange={(e) => set({ openNow: e.target.checked })}
          />
          <label htmlFor={ids.open}>{t("plans.openNow")}</label>
        </div>
      </form>
      <QueryContent query={listed}>
        {(loaded) => {
          const now = Date.now();
          const plans = loaded.pages
            .flatMap((page) => page.items)
            .filter((plan) => matchesLocally(plan, filters, now));
          return plans.length === 0 && !pages.hasNextPage ? (
            <p>{t("plans.empty")}</p>
          ) : (
            <ul className="plan-grid">
              {plans.map((plan) => (
                <PlanCard key={plan.id} plan={plan} />
              ))}
            </ul>
          );
        }}
      </QueryContent>
      {pages.hasNextPage && (
        <p>
          <button
            type="button"
            disabled={pages.isFetchingNextPage}
            onClick={() => void pages.fetchNextPage()}
          >
            {pages.isFetchingNextPage ? t("common.loading") : t("plans.more")}
          </button>
        </p>
      )}
      {pages.isFetchNextPageError && <ErrorMessage error={pages.error} />}
    </section>
  );
};
