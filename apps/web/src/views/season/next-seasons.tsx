import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { call } from "../../api/client";
import type { NextSeason } from "../../api/types";
import { useApp } from "../../app-context";
import { formatDateTime } from "../../format";
import { useI18n } from "../../i18n/i18n";
import { queryKeys } from "../../queries/query-keys";

/** The plan page's address with the shares prefilled, straight at its reservation form. */
export const reserveAgainHref = (card: Pick<NextSeason, "nextPlan" | "suggestedShares">) =>
  `/plans/${encodeURIComponent(card.nextPlan.id)}?shares=${card.suggestedShares}#reserve`;

const NextSeasonCard = ({ card }: { card: NextSeason }) => {
  const { t, lang } = useI18n();
  return (
    <li className="card" data-testid="next-season">
      <p className="muted">{t("nextSeason.lastSeason", { title: card.completedPlan.title })}</p>
      <h3>{card.nextPlan.title}</h3>
      {card.alreadyReserved ? (
        <p>{t("nextSeason.reserved")}</p>
      ) : card.windowOpen ? (
        <>
          <p>{t("nextSeason.open", { shares: card.suggestedShares })}</p>
          <Link className="button primary" to={reserveAgainHref(card)}>
            {t("nextSeason.reserveAgain", { shares: card.suggestedShares })}
          </Link>
        </>
      ) : (
        <p>{t("nextSeason.opensAt", { date: formatDateTime(lang, card.opensToYouAt) })}</p>
      )}
      <p>
        <Link to={`/plans/${encodeURIComponent(card.nextPlan.id)}`}>{t("nextSeason.view")}</Link>
      </p>
    </li>
  );
};

/**
 * "Reserve again" on the owner's page: for each completed plan it owned, the producer's next plan,
 * one click from a reservation prefilled with last season's shares while its window is open.
 */
export const NextSeasonsSection = () => {
  const { t } = useI18n();
  const { api } = useApp();
  const cards = useQuery({
    queryKey: queryKeys.myNextSeasons(),
    queryFn: () => call(api.GET("/me/next-seasons")),
  });
  const items = cards.data?.items ?? [];
  // Nothing to offer (or the list failed): the page goes on without the section.
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="next-seasons-title">
      <h2 id="next-seasons-title">{t("nextSeason.title")}</h2>
      <ul className="list">
        {items.map((card) => (
          <NextSeasonCard key={`${card.completedPlan.id}-${card.nextPlan.id}`} card={card} />
        ))}
      </ul>
    </section>
  );
};
