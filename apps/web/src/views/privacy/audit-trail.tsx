import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { call } from "../../api/client";
import type { components } from "../../api/generated/schema";
import { useApp } from "../../app-context";
import { QueryContent } from "../../components/query-content";
import { formatDateTime, formatYen } from "../../format";
import { useI18n } from "../../i18n/i18n";

type AuditEntry = components["schemas"]["AuditEntry"];

/** Audit entries as a table: when, who (role and id), what, how much. */
export const AuditTable = ({ entries }: { entries: readonly AuditEntry[] }) => {
  const { t, lang } = useI18n();
  if (entries.length === 0) return <p className="muted">{t("common.none")}</p>;
  return (
    <table className="audit-trail">
      <thead>
        <tr>
          <th scope="col">{t("history.when")}</th>
          <th scope="col">{t("history.who")}</th>
          <th scope="col">{t("history.what")}</th>
          <th scope="col">{t("history.amount")}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.id}>
            <td>{formatDateTime(lang, entry.at)}</td>
            <td>
              {entry.actor.role} · {entry.actor.id}
            </td>
            <td>
              <code>{entry.action}</code>
            </td>
            <td>{entry.amountYen === undefined ? "" : formatYen(lang, entry.amountYen)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
};

/** An ownership's history (GET /ownerships/{id}/history), fetched when first opened. */
export const OwnershipHistory = ({ ownershipId }: { ownershipId: string }) => {
  const { t } = useI18n();
  const { api } = useApp();
  const [open, setOpen] = useState(false);
  const history = useQuery({
    queryKey: ["ownership", ownershipId, "history"],
    queryFn: () =>
      call(api.GET("/ownerships/{id}/history", { params: { path: { id: ownershipId } } })),
    enabled: open,
  });
  return (
    <details className="history" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t("history.ownershipTitle")}</summary>
      {open && (
        <QueryContent query={history}>
          {(page) => <AuditTable entries={page.entries} />}
        </QueryContent>
      )}
    </details>
  );
};

/** A plan's history for its producer (GET /plans/{id}/history), page by page, once opened. */
export const PlanHistory = ({ planId }: { planId: string }) => {
  const { t } = useI18n();
  const { api } = useApp();
  const [open, setOpen] = useState(false);
  const history = useInfiniteQuery({
    enabled: open,
    queryKey: ["plan", planId, "history"],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call(
        api.GET("/plans/{id}/history", {
          params: {
            path: { id: planId },
            query: pageParam === undefined ? { limit: 50 } : { limit: 50, cursor: pageParam },
          },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  return (
    <section aria-labelledby="plan-history">
      <details className="history" onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary id="plan-history">{t("history.planTitle")}</summary>
        {open && (
          <QueryContent query={history}>
            {(data) => (
              <>
                <AuditTable entries={data.pages.flatMap((page) => page.entries)} />
                {history.hasNextPage && (
                  <button
                    type="button"
                    disabled={history.isFetchingNextPage}
                    onClick={() => history.fetchNextPage()}
                  >
                    {t("history.more")}
                  </button>
                )}
              </>
            )}
          </QueryContent>
        )}
      </details>
    </section>
  );
};
