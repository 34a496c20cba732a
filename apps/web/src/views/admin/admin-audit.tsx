import { useId, useState } from "react";
import { Link } from "react-router";
import { DataTable } from "../../components/data-table";
import { Field } from "../../components/field";
import { QueryContent } from "../../components/query-content";
import { formatDateTime } from "../../format";
import { useI18n } from "../../i18n/i18n";
import { type AuditQuery, useAuditSearch } from "../../queries/use-console";

type SubjectType = NonNullable<AuditQuery["subjectType"]>;

/**
 * The subjects audit entries name, one key per value of the API's enum: a subject type the API
 * adds and this list lacks does not compile (a plain array would only catch extras).
 */
const SUBJECT_TYPE_KEYS: Readonly<Record<SubjectType, true>> = {
  plan: true,
  ownership: true,
  offer: true,
  booking: true,
  payout: true,
  comment: true,
  owner: true,
  lot: true,
};
const SUBJECT_TYPES = Object.keys(SUBJECT_TYPE_KEYS) as readonly SubjectType[];
const isSubjectType = (value: string): value is SubjectType =>
  (SUBJECT_TYPES as readonly string[]).includes(value);

/** A datetime-local value as an ISO instant (the browser's time zone), or nothing. */
const instantOf = (local: string): string | undefined =>
  local === "" ? undefined : new Date(local).toISOString();

/** `/admin/audit`: search the audit trail by subject, actor and time (GET /admin/audit). */
export const AdminAuditPage = () => {
  const { t, lang } = useI18n();
  const [subjectType, setSubjectType] = useState("");
  const [subjectId, setSubjectId] = useState("");
  const [actorId, setActorId] = useState("");
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [query, setQuery] = useState<AuditQuery | undefined>(undefined);
  const entries = useAuditSearch(query);
  const typeId = useId();
  const search = () => {
    const fromAt = instantOf(from);
    const toAt = instantOf(to);
    setQuery({
      ...(isSubjectType(subjectType) ? { subjectType } : {}),
      ...(subjectId.trim() === "" ? {} : { subjectId: subjectId.trim() }),
      ...(actorId.trim() === "" ? {} : { actorId: actorId.trim() }),
      ...(fromAt === undefined ? {} : { from: fromAt }),
      ...(toAt === undefined ? {} : { to: toAt }),
    });
  };
  return (
    <section className="card">
      <h2>{t("console.audit.title")}</h2>
      <form
        className="audit-search"
        onSubmit={(e) => {
          e.preventDefault();
          search();
        }}
      >
        <div className="field">
          <label htmlFor={typeId}>{t("console.audit.subjectType")}</label>
          <select id={typeId} value={subjectType} onChange={(e) => setSubjectType(e.target.value)}>
            <option value="">{t("console.audit.anyType")}</option>
            {SUBJECT_TYPES.map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
          </select>
        </div>
        <Field label={t("console.audit.subjectId")} value={subjectId} onChange={setSubjectId} />
        <Field label={t("console.audit.actorId")} value={actorId} onChange={setActorId} />
        <Field
          label={t("console.audit.from")}
          value={from}
          onChange={setFrom}
          type="datetime-local"
        />
        <Field label={t("console.audit.to")} value={to} onChange={setTo} type="datetime-local" />
        <button type="submit">{t("console.audit.search")}</button>
      </form>
      {query !== undefined && (
        <QueryContent query={entries}>
          {(data) => (
            <>
              <DataTable
                testId="console-audit"
                columns={[
                  t("console.audit.at"),
                  t("console.audit.actor"),
                  t("console.audit.action"),
                  t("console.audit.subject"),
                  t("console.audit.plan"),
                ]}
                empty={t("console.audit.empty")}
              >
                {data.pages
                  .flatMap((page) => page.entries)
                  .map((entry) => (
                    <tr key={entry.id}>
                      <td>{formatDateTime(lang, entry.at)}</td>
                      <td>
                        {entry.actor.id} ({entry.actor.role})
                      </td>
                      <td>{entry.action}</td>
                      <td>
                        {entry.subject.type} {entry.subject.id}
                      </td>
                      <td>
                        {entry.planId !== undefined && (
                          <Link to={`/plans/${entry.planId}`}>{entry.planId}</Link>
                        )}
                      </td>
                    </tr>
                  ))}
              </DataTable>
              {entries.hasNextPage && (
                <button type="button" onClick={() => entries.fetchNextPage()}>
                  {t("console.audit.more")}
                </button>
              )}
            </>
          )}
        </QueryContent>
      )}
    </section>
  );
};
