import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { Link } from "react-router";
import { call } from "../../api/client";
import type { WaitlistOffer } from "../../api/types";
import { useApp } from "../../app-context";
import { ErrorMessage } from "../../components/problem-message";
import { formatDateTime } from "../../format";
import { useI18n } from "../../i18n/i18n";
import { invalidatePlan } from "../../queries/plan-changed";
import { queryKeys } from "../../queries/query-keys";
import { REGIONS } from "../../vocabulary";

/** Shares freed by a cancellation, offered to this owner until the offer expires. */
export const WaitlistOfferCard = ({ offer }: { offer: WaitlistOffer }) => {
  const { t, lang } = useI18n();
  const { api } = useApp();
  const queryClient = useQueryClient();
  const [region, setRegion] = useState("kanto");
  const regionId = useId();
  const accept = useMutation({
    mutationFn: () =>
      call(
        api.POST("/plans/{id}/waitlist/offers/{offerId}/accept", {
          params: { path: { id: offer.planId, offerId: offer.id } },
          body: { shippingRegion: region },
        }),
      ),
    // The offer is taken: it becomes an ownership, and the plan's shares are sold again.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.myWaitlistOffers() }),
        queryClient.invalidateQueries({ queryKey: queryKeys.myOwnerships() }),
        invalidatePlan(queryClient, offer.planId),
      ]),
  });
  return (
    <li className="card notice">
      <h2>{t("offers.title")}</h2>
      <p>
        {t("offers.text", { shares: offer.shares, date: formatDateTime(lang, offer.expiresAt) })}
      </p>
      <p>
        <Link to={`/plans/${offer.planId}`}>{offer.planId}</Link>
      </p>
      <div className="row">
        <div className="field">
          <label htmlFor={regionId}>{t("quote.shippingRegion")}</label>
          <select id={regionId} value={region} onChange={(e) => setRegion(e.target.value)}>
            {REGIONS.map((r) => (
              <option key={r} value={r}>
                {t(`region.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          className="primary"
          disabled={accept.isPending}
          onClick={() => accept.mutate()}
        >
          {t("offers.accept")}
        </button>
      </div>
      <ErrorMessage error={accept.error} />
    </li>
  );
};
