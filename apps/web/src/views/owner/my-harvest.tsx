import { useId, useState } from "react";
import { Link } from "react-router";
import { call } from "../../api/client";
import type { Ownership, Plan, WaitlistOffer } from "../../api/types";
import { useApp } from "../../app-context";
import { Load } from "../../components/loading";
import { ProblemMessage } from "../../components/problem-message";
import { formatDate, formatDateTime, formatYen } from "../../format";
import { useI18n } from "../../i18n/i18n";
import { useAction } from "../../use-action";
import { useLoad } from "../../use-load";
import { labelOf, REGIONS } from "../../vocabulary";
import { UpdatesTimeline } from "../updates";
import { AddressSection } from "./address-form";
import { AllocationChart } from "./allocation-chart";
import { settlementSentence } from "./settlement-sentence";

const Allocation = ({ plan, ownershipId }: { plan: Plan; ownershipId: string }) => {
  const { t, lang } = useI18n();
  const { api } = useApp();
  const [loaded] = useLoad(
    () => call(api.GET("/plans/{id}/allocations", { params: { path: { id: plan.id } } })),
    [api, plan.id],
  );
  return (
    <section>
      <h3>{t("harvest.allocation")}</h3>
      <Load loaded={loaded}>
        {(page) => {
          const mine = page.items.filter((a) => a.ownershipId === ownershipId);
          return mine.length === 0 ? (
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
          );
        }}
      </Load>
    </section>
  );
};

const Shipments = ({ plan }: { plan: Plan }) => {
  const { t, lang } = useI18n();
  const { api } = useApp();
  const [loaded] = useLoad(
    () => call(api.GET("/plans/{id}/shipments", { params: { path: { id: plan.id } } })),
    [api, plan.id],
  );
  return (
    <section>
      <h3>{t("harvest.shipments")}</h3>
      <Load loaded={loaded}>
        {(page) =>
          page.items.length === 0 ? (
            <p className="muted">{t("harvest.noShipments")}</p>
          ) : (
            <ul className="list">
              {page.items.flatMap((shipment) => [
                ...shipment.parcels.map((parcel) => (
                  <li key={`${shipment.id}-${parcel.shipOn}`}>
                    {t("harvest.parcel", {
                      date: formatDate(lang, parcel.shipOn),
                      boxes: parcel.boxes,
                    })}
                  </li>
                )),
                ...(shipment.unshipped
                  ? [
                      <li key={`${shipment.id}-unshipped`} className="problem">
                        {t("harvest.unshipped", {
                          units: shipment.unshipped.units,
                          unit: plan.unitLabel,
                          reason: shipment.unshipped.reason,
                        })}
                      </li>,
                    ]
                  : []),
              ])}
            </ul>
          )
        }
      </Load>
    </section>
  );
};

const OwnedPlan = ({ ownership, onChanged }: { ownership: Ownership; onChanged: () => void }) => {
  const { t, lang } = useI18n();
  const { api } = useApp();
  const [loaded] = useLoad(
    () => call(api.GET("/plans/{id}", { params: { path: { id: ownership.planId } } })),
    [api, ownership.planId],
  );
  const cancel = useAction(async () => {
    const total = formatYen(lang, ownership.totalYen);
    if (!window.confirm(t("harvest.confirmCancel", { shares: ownership.shares, total }))) return;
    await call(api.DELETE("/ownerships/{id}", { params: { path: { id: ownership.id } } }));
    onChanged();
  });
  const active = ownership.status === "active";
  return (
    <li className="card owned-plan">
      <Load loaded={loaded}>
        {(plan) => (
          <>
            <h2>
              <Link to={`/plans/${plan.id}`}>{plan.title}</Link>
            </h2>
            <p>
              <span className={`badge status-${plan.status}`}>{t(`status.${plan.status}`)}</span>{" "}
              {t("harvest.ownership", {
                shares: ownership.shares,
                total: formatYen(lang, ownership.totalYen),
              })}{" "}
              · {labelOf(t, "region", ownership.shippingRegion)}
            </p>
            <p className="muted">
              {t("harvest.reservedAt", { date: formatDateTime(lang, ownership.reservedAt) })}
            </p>
            {!active && <p className="badge status-cancelled">{t("harvest.cancelledLabel")}</p>}
            {active &&
              plan.status === "open" &&
              Date.now() < Date.parse(plan.cancellationDeadline) && (
                <p>
                  <button
                    type="button"
                    disabled={cancel.pending}
                    onClick={() => void cancel.start()}
                  >
                    {t("harvest.cancelOwnership")}
                  </button>
                  <span className="muted">
                    {" "}
                    {t("plan.cancellationDeadlineText", {
                      date: formatDateTime(lang, plan.cancellationDeadline),
                    })}
                  </span>
                </p>
              )}
            {cancel.problem && <ProblemMessage problem={cancel.problem} />}
            {active && (
              <>
                <Allocation plan={plan} ownershipId={ownership.id} />
                <Shipments plan={plan} />
                <UpdatesTimeline planId={plan.id} />
              </>
            )}
          </>
        )}
      </Load>
    </li>
  );
};

const Offer = ({ offer, onAccepted }: { offer: WaitlistOffer; onAccepted: () => void }) => {
  const { t, lang } = useI18n();
  const { api } = useApp();
  const [region, setRegion] = useState("kanto");
  const regionId = useId();
  const accept = useAction(async () => {
    await call(
      api.POST("/plans/{id}/waitlist/offers/{offerId}/accept", {
        params: { path: { id: offer.planId, offerId: offer.id } },
        body: { shippingRegion: region },
      }),
    );
    onAccepted();
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
          disabled={accept.pending}
          onClick={() => void accept.start()}
        >
          {t("offers.accept")}
        </button>
      </div>
      {accept.problem && <ProblemMessage problem={accept.problem} />}
    </li>
  );
};

/** The owner's page: waitlist offers first, then every ownership with its harvest. */
export const MyHarvestPage = () => {
  const { t } = useI18n();
  const { api } = useApp();
  const [ownerships, reload] = useLoad(
    () => call(api.GET("/me/ownerships", { params: { query: { limit: 100 } } })),
    [api],
  );
  const [offers, reloadOffers] = useLoad(() => call(api.GET("/me/waitlist-offers")), [api]);
  return (
    <section>
      <h1>{t("harvest.title")}</h1>
      <AddressSection />
      {offers.state === "ready" && offers.data.items.length > 0 && (
        <ul className="list">
          {offers.data.items.map((offer) => (
            <Offer
              key={offer.id}
              offer={offer}
              onAccepted={() => {
                reloadOffers();
                reload();
              }}
            />
          ))}
        </ul>
      )}
      <Load loaded={ownerships}>
        {(page) =>
          page.items.length === 0 ? (
            <p>{t("harvest.empty")}</p>
          ) : (
            <ul className="owned-list">
              {page.items.map((ownership) => (
                <OwnedPlan key={ownership.id} ownership={ownership} onChanged={reload} />
              ))}
            </ul>
          )
        }
      </Load>
    </section>
  );
};
