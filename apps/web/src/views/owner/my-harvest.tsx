import { useQuery } from "@tanstack/react-query";
import { call } from "../../api/client";
import { useApp } from "../../app-context";
import { QueryContent } from "../../components/query-content";
import { useI18n } from "../../i18n/i18n";
import { queryKeys } from "../../queries/query-keys";
import { AddressSection } from "./address-form";
import { OwnedPlan } from "./owned-plan";
import { WaitlistOfferCard } from "./waitlist-offer";

/** The owner's page: waitlist offers first, then every ownership with its harvest. */
export const MyHarvestPage = () => {
  const { t } = useI18n();
  const { api } = useApp();
  const ownerships = useQuery({
    queryKey: queryKeys.myOwnerships(),
    queryFn: () => call(api.GET("/me/ownerships", { params: { query: { limit: 100 } } })),
  });
  const offers = useQuery({
    queryKey: queryKeys.myWaitlistOffers(),
    queryFn: () => call(api.GET("/me/waitlist-offers")),
  });
  return (
    <section>
      <h1>{t("harvest.title")}</h1>
      <AddressSection />
      {offers.data !== undefined && offers.data.items.length > 0 && (
        <ul className="list">
          {offers.data.items.map((offer) => (
            <WaitlistOfferCard key={offer.id} offer={offer} />
          ))}
        </ul>
      )}
      <QueryContent query={ownerships}>
        {(page) =>
          page.items.length === 0 ? (
            <p>{t("harvest.empty")}</p>
          ) : (
            <ul className="owned-list">
              {page.items.map((ownership) => (
                <OwnedPlan key={ownership.id} ownership={ownership} />
              ))}
            </ul>
          )
        }
      </QueryContent>
    </section>
  );
};
