import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { call } from "../../api/client";
import type { components } from "../../api/generated/schema";
import { ApiError } from "../../api/problem";
import { useApp } from "../../app-context";
import { Field } from "../../components/field";
import { ErrorMessage } from "../../components/problem-message";
import { QueryContent } from "../../components/query-content";
import { formatDateTime } from "../../format";
import { useI18n } from "../../i18n/i18n";
import { queryKeys } from "../../queries/query-keys";

type Application = components["schemas"]["ProducerApplication"];
type Disclosure = components["schemas"]["SellerDisclosure"];

const DISCLOSURE_FIELDS = [
  "legalName",
  "address",
  "phone",
  "email",
  "responsiblePerson",
  "pricesAndFees",
  "deliveryTime",
  "returnsAndCancellation",
] as const satisfies readonly (keyof Disclosure)[];

const MULTILINE = new Set<string>(["pricesAndFees", "deliveryTime", "returnsAndCancellation"]);

const emptyDisclosure = (): Disclosure =>
  Object.fromEntries(DISCLOSURE_FIELDS.map((f) => [f, ""])) as Disclosure;

/** The form, prefilled from a rejected application so the applicant corrects rather than retypes. */
const ApplicationForm = ({ previous }: { previous?: Application }) => {
  const { t } = useI18n();
  const { api } = useApp();
  const cache = useQueryClient();
  const [farmName, setFarmName] = useState(previous?.farmName ?? "");
  const [prefecture, setPrefecture] = useState(previous?.prefecture ?? "");
  const [products, setProducts] = useState(previous?.products.join("\n") ?? "");
  const [story, setStory] = useState(previous?.story ?? "");
  const [disclosure, setDisclosure] = useState<Disclosure>(
    previous?.disclosure ?? emptyDisclosure(),
  );
  const submit = useMutation({
    mutationFn: () =>
      call(
        api.POST("/producer-applications", {
          body: {
            farmName,
            prefecture,
            products: products
              .split("\n")
              .map((p) => p.trim())
              .filter((p) => p !== ""),
            story,
            disclosure,
          },
        }),
      ),
    onSuccess: (application) => cache.setQueryData(queryKeys.myApplication(), application),
  });
  return (
    <form
      className="stack"
      aria-label={t("apply.title")}
      onSubmit={(event) => {
        event.preventDefault();
        submit.mutate();
      }}
    >
      <Field label={t("apply.farmName")} value={farmName} onChange={setFarmName} required />
      <Field label={t("apply.prefecture")} value={prefecture} onChange={setPrefecture} required />
      <Field
        label={t("apply.products")}
        value={products}
        onChange={setProducts}
        multiline
        required
      />
      <Field label={t("apply.story")} value={story} onChange={setStory} multiline required />
      <fieldset className="stack">
        <legend>{t("apply.disclosure")}</legend>
        {DISCLOSURE_FIELDS.map((field) => (
          <Field
            key={field}
            label={t(`apply.disclosure.${field}`)}
            value={disclosure[field]}
            multiline={MULTILINE.has(field)}
            required
            onChange={(value) => setDisclosure((d) => ({ ...d, [field]: value }))}
          />
        ))}
      </fieldset>
      <ErrorMessage error={submit.error} />
      <button type="submit" className="primary" disabled={submit.isPending}>
        {previous === undefined ? t("apply.submit") : t("apply.resubmit")}
      </button>
    </form>
  );
};

/** Where a person's own application stands, and what to do next. */
const ApplicationStatus = ({ application }: { application: Application }) => {
  const { t, lang } = useI18n();
  return (
    <section className="card" aria-label={t("apply.status")} data-testid="application-status">
      <h2>{t("apply.status")}</h2>
      <p>
        <strong>{application.farmName}</strong>{" "}
        <span className="muted">
          {t("apply.submittedAt", { at: formatDateTime(lang, application.submittedAt) })}
        </span>
      </p>
      <p data-status={application.status}>
        {application.status === "rejected"
          ? t("apply.status.rejected", { reason: application.rejectionReason ?? "" })
          : t(`apply.status.${application.status}`)}
      </p>
    </section>
  );
};

/** /apply: an owner applies to sell (and later reads the decision here). */
export const ApplyPage = () => {
  const { t } = useI18n();
  const { api, session } = useApp();
  const mine = useQuery({
    queryKey: queryKeys.myApplication(),
    // No application yet is an answer (the form), not an error.
    queryFn: async (): Promise<Application | null> => {
      try {
        return await call(api.GET("/producer-applications/mine"));
      } catch (error) {
        if (error instanceof ApiError && error.problem.status === 404) return null;
        throw error;
      }
    },
  });
  return (
    <section className="narrow">
      <h1>{t("apply.title")}</h1>
      <QueryContent query={mine}>
        {(application) => (
          <>
            {application !== null && <ApplicationStatus application={application} />}
            {session?.role === "owner" &&
              (application === null || application.status === "rejected") && (
                <>
                  <p>{t("apply.intro")}</p>
                  <ApplicationForm {...(application === null ? {} : { previous: application })} />
                </>
              )}
            {session?.role !== "owner" && application === null && <p>{t("apply.onlyOwners")}</p>}
          </>
        )}
      </QueryContent>
    </section>
  );
};
