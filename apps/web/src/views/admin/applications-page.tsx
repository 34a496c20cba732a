import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { call } from "../../api/client";
import type { components } from "../../api/generated/schema";
import { useApp } from "../../app-context";
import { Field } from "../../components/field";
import { ErrorMessage } from "../../components/problem-message";
import { QueryContent } from "../../components/query-content";
import { formatDateTime } from "../../format";
import { useI18n } from "../../i18n/i18n";
import { queryKeys } from "../../queries/query-keys";

type Application = components["schemas"]["ProducerApplication"];
type Status = Application["status"];
const STATUSES: readonly Status[] = ["pending", "approved", "rejected"];

/** One application: what the applicant wrote, and (while pending) approve / reject with a reason. */
const ApplicationCard = ({ application }: { application: Application }) => {
  const { t, lang } = useI18n();
  const { api } = useApp();
  const cache = useQueryClient();
  const [reason, setReason] = useState("");
  const done = () => cache.invalidateQueries({ queryKey: queryKeys.adminApplications() });
  const path = { params: { path: { id: application.id } } };
  const approve = useMutation({
    mutationFn: () => call(api.POST("/admin/producer-applications/{id}/approve", path)),
    onSuccess: done,
  });
  const reject = useMutation({
    mutationFn: () =>
      call(api.POST("/admin/producer-applications/{id}/reject", { ...path, body: { reason } })),
    onSuccess: done,
  });
  const d = application.disclosure;
  return (
    <article className="card" data-testid={`application-${application.id}`}>
      <h2>{application.farmName}</h2>
      <p className="muted">
        {t("admin.applications.applicant", { id: application.applicantId })} ·{" "}
        {application.prefecture} · {formatDateTime(lang, application.submittedAt)}
      </p>
      <p>{application.products.join("、")}</p>
      <p>{application.story}</p>
      <details>
        <summary>{t("apply.disclosure")}</summary>
        <dl>
          {(Object.keys(d) as (keyof typeof d)[]).map((field) => (
            <div key={field}>
              <dt>{t(`apply.disclosure.${field}`)}</dt>
              <dd>{d[field]}</dd>
            </div>
          ))}
        </dl>
      </details>
      {application.rejectionReason !== undefined && <p>{application.rejectionReason}</p>}
      {application.status === "pending" && (
        <div className="stack">
          <button
            type="button"
            className="primary"
            disabled={approve.isPending || reject.isPending}
            onClick={() => approve.mutate()}
          >
            {t("admin.applications.approve")}
          </button>
          <form
            className="stack"
            onSubmit={(event) => {
              event.preventDefault();
              reject.mutate();
            }}
          >
            <Field
              label={t("admin.applications.reason")}
              value={reason}
              onChange={setReason}
              multiline
              required
            />
            <button type="submit" disabled={approve.isPending || reject.isPending}>
              {t("admin.applications.reject")}
            </button>
          </form>
          <ErrorMessage error={approve.error ?? reject.error} />
        </div>
      )}
    </article>
  );
};

/** /admin/applications: the review queue (pending first), and the decided ones by status. */
export const AdminApplicationsPage = () => {
  const { t } = useI18n();
  const { api } = useApp();
  const [status, setStatus] = useState<Status>("pending");
  const list = useInfiniteQuery({
    queryKey: [...queryKeys.adminApplications(), status],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call(
        api.GET("/admin/producer-applications", {
          params: { query: { status, ...(pageParam === undefined ? {} : { cursor: pageParam }) } },
        }),
      ),
    getNextPageParam: (page) => page.nextCursor,
  });
  return (
    <section>
      <h1>{t("admin.applications.title")}</h1>
      <fieldset className="lang-switch">
        <legend>{t("admin.applications.status")}</legend>
        {STATUSES.map((option) => (
          <button
            key={option}
            type="button"
            aria-pressed={status === option}
            onClick={() => setStatus(option)}
          >
            {t(`admin.applications.status.${option}`)}
          </button>
        ))}
      </fieldset>
      <QueryContent query={list}>
        {(data) => {
          const applications = data.pages.flatMap((page) => page.applications);
          return applications.length === 0 ? (
            <p>{t("admin.applications.empty")}</p>
          ) : (
            <>
              {applications.map((application) => (
                <ApplicationCard key={application.id} application={application} />
              ))}
              {list.hasNextPage && (
                <button type="button" onClick={() => list.fetchNextPage()}>
                  {t("admin.applications.more")}
                </button>
              )}
            </>
          );
        }}
      </QueryContent>
    </section>
  );
};
