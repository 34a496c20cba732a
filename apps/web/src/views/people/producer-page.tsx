import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useParams } from "react-router";
import { call } from "../../api/client";
import { problemFromError } from "../../api/problem";
import type { ProducerPage as Page, SellerDisclosure } from "../../api/types";
import { useApp } from "../../app-context";
import { ErrorMessage, ProblemMessage } from "../../components/problem-message";
import { QueryContent } from "../../components/query-content";
import { useI18n } from "../../i18n/i18n";
import { queryKeys } from "../../queries/query-keys";
import { PlanCard } from "../owner/plan-list";
import { PhotoImage } from "../photo";

const DISCLOSURE_FIELDS: readonly (keyof SellerDisclosure)[] = [
  "legalName",
  "responsiblePerson",
  "address",
  "phone",
  "email",
  "pricesAndFees",
  "deliveryTime",
  "returnsAndCancellation",
];

/** Follow / unfollow, for signed-in owners; the count for everyone. */
const FollowButton = ({ page }: { page: Page }) => {
  const { t } = useI18n();
  const { api, session } = useApp();
  const queryClient = useQueryClient();
  const id = page.profile.id;
  const toggle = useMutation({
    mutationFn: () =>
      page.following
        ? call(api.DELETE("/producers/{id}/follow", { params: { path: { id } } }))
        : call(api.PUT("/producers/{id}/follow", { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.producerPage(id) }),
  });
  return (
    <p className="follow">
      <span>{t("people.followers", { count: page.followers })}</span>{" "}
      {session?.role === "owner" && (
        <button
          type="button"
          aria-pressed={page.following}
          disabled={toggle.isPending}
          onClick={() => toggle.mutate()}
        >
          {page.following ? t("people.unfollow") : t("people.follow")}
        </button>
      )}
      <ErrorMessage error={toggle.error} />
    </p>
  );
};

/** `/producers/:id`: who the producer is, what it sells, its owners and the legal disclosure. */
export const ProducerPublicPage = () => {
  const { id = "" } = useParams();
  const { t } = useI18n();
  const { api } = useApp();
  const loaded = useQuery({
    queryKey: queryKeys.producerPage(id),
    queryFn: () => call(api.GET("/producers/{id}", { params: { path: { id } } })),
  });
  const problem = loaded.error == null ? undefined : problemFromError(loaded.error);
  if (loaded.data === undefined && problem?.status === 404)
    return <ProblemMessage problem={{ ...problem, title: t("people.notFound") }} />;
  return (
    <QueryContent query={loaded}>
      {(page) => (
        <article className="producer-page">
          <h1>{page.profile.displayName}</h1>
          <p className="tags">
            <span className="badge">{page.profile.prefecture}</span>
            {page.profile.area !== null && <span className="badge">{page.profile.area}</span>}
            {page.profile.products.map((p) => (
              <span key={p} className="badge">
                {p}
              </span>
            ))}
          </p>
          <FollowButton page={page} />
          {page.profile.photoUrls.length > 0 && (
            <section aria-label={t("plan.photos")} className="photos">
              {page.profile.photoUrls.map((src, i) => (
                <PhotoImage
                  key={page.profile.photoKeys[i] ?? src}
                  src={src}
                  alt={page.profile.displayName}
                />
              ))}
            </section>
          )}
          <section>
            <h2>{t("plan.story")}</h2>
            <p className="story">{page.profile.story}</p>
            {page.profile.links.length > 0 && (
              <ul className="links">
                {page.profile.links.map((l) => (
                  <li key={l.url}>
                    <a href={l.url} rel="noopener noreferrer nofollow">
                      {l.label}
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-label={t("people.owners")}>
            <p>
              {t("people.ownerCounts", {
                owners: page.owners,
                returning: page.returningOwners,
              })}
            </p>
          </section>
          <section>
            <h2>{t("people.currentPlans")}</h2>
            {page.plans.current.length === 0 ? (
              <p className="muted">{t("people.noPlans")}</p>
            ) : (
              <ul className="plan-grid">
                {page.plans.current.map((plan) => (
                  <PlanCard key={plan.id} plan={plan} />
                ))}
              </ul>
            )}
          </section>
          {page.plans.past.length > 0 && (
            <section>
              <h2>{t("people.pastPlans")}</h2>
              <ul className="plan-grid">
                {page.plans.past.map((plan) => (
                  <PlanCard key={plan.id} plan={plan} />
                ))}
              </ul>
            </section>
          )}
          <section>
            <h2>{t("people.seasonReports")}</h2>
            <p className="muted">{t("people.noSeasonReports")}</p>
          </section>
          <section className="card disclosure">
            <h2>{t("people.disclosure")}</h2>
            <dl>
              {DISCLOSURE_FIELDS.map((field) => (
                <div key={field}>
                  <dt>{t(`people.disclosure.${field}`)}</dt>
                  <dd className="story">{page.profile.disclosure[field]}</dd>
                </div>
              ))}
            </dl>
          </section>
        </article>
      )}
    </QueryContent>
  );
};
