import { useQuery } from "@tanstack/react-query";
import { call } from "../../api/client";
import { isPaymentPending } from "../../api/payments";
import { useApp } from "../../app-context";
import { QueryContent } from "../../components/query-content";
import { formatYen } from "../../format";
import { useI18n } from "../../i18n/i18n";
import { queryKeys } from "../../queries/query-keys";
import { useMyCredits } from "../../queries/use-payments";
import { NextSeasonsSection } from "../season/next-seasons";
import { AddressSection } from "./address-form";
import { MyBookingsSection } from "./my-bookings";
import { OwnedPlan } from "./owned-plan";
import { WaitlistOfferCard } from "./waitlist-offer";

/** How often the page asks again while a payment is awaited (back from checkout, say). */
export const PAYMENT_POLL_MS = 3_000;

/**
 * The owner's page: waitlist offers first, store credit, then every ownership with its harvest.
 * While any ownership awaits its payment the list is asked again every `pollMs`, and no longer
 * once every payment is settled (paid, failed or expired).
 */
export const MyHarvestPage = ({ pollMs = PAYMENT_POLL_MS }: { pollMs?: number } = {}) => {
  const { t, lang } = useI18n();
  const { api } = useApp();
  const ownerships = useQuery({
    queryKey: queryKeys.myOwnerships(),
    queryFn: async () => {
      const page = await call(api.GET("/me/ownerships", { params: { query: { limit: 100 } } }));
      // Issue 14's statuses and payment: not in the generated type until it is regenerated.
      return page;
    },
    refetchInterval: (query) =>
      query.state.data?.items.some(isPaymentPending) === true ? pollMs : false,
  });
  const credits = useMyCredits();
  const balances = credits.data?.credits.filter((c) => c.balanceYen > 0) ?? [];
  const offers = useQuery({
    queryKey: queryKeys.myWaitlistOffers(),
    queryFn: () => call(api.GET("/me/waitlist-offers")),
  });
  return (
    <section>
      <h1>{t("harvest.title")}</h1>
      <NextSeasonsSection />
      <AddressSection />
      {balances.length > 0 && (
        <section className="card credits">
          <h2>{t("harvest.credits")}</h2>
          <ul>
            {balances.map((c) => (
              <li key={c.producerId}>
                {t("harvest.creditLine", {
                  amount: formatYen(lang, c.balanceYen),
                  producer: c.producerId,
                })}
              </li>
            ))}
          </ul>
        </section>
      )}
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
      <MyBookingsSection />
    </section>
  );
};
