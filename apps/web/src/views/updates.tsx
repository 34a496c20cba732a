import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { call } from "../api/client";
import type { PlanUpdate } from "../api/types";
import { useApp } from "../app-context";
import { ErrorMessage } from "../components/problem-message";
import { QueryContent } from "../components/query-content";
import { formatDateTime } from "../format";
import { useI18n } from "../i18n/i18n";
import { queryKeys } from "../queries/query-keys";
import { PhotoImage } from "./photo";

const Comments = ({ updateId }: { updateId: string }) => {
  const { t, lang } = useI18n();
  const { api, session } = useApp();
  const queryClient = useQueryClient();
  const [body, setBody] = useState("");
  const inputId = useId();
  const comments = useQuery({
    queryKey: queryKeys.comments(updateId),
    queryFn: () => call(api.GET("/updates/{id}/comments", { params: { path: { id: updateId } } })),
  });
  const post = useMutation({
    mutationFn: () =>
      call(
        api.POST("/updates/{id}/comments", { params: { path: { id: updateId } }, body: { body } }),
      ),
    onSuccess: () => {
      setBody("");
      return queryClient.invalidateQueries({ queryKey: queryKeys.comments(updateId) });
    },
  });
  return (
    <div className="comments">
      <h4>{t("updates.comments")}</h4>
      <QueryContent query={comments}>
        {(page) => (
          <ul className="list">
            {page.items.map((comment) => (
              <li key={comment.id}>
                <span className="muted">
                  <span className="comment-author">
                    {comment.authorName ?? t("people.unnamed")}
                  </span>{" "}
                  · {formatDateTime(lang, comment.postedAt)}
                </span>
                <p className="story">{comment.body}</p>
                {/* Only admins are sent hidden comments: they see them, marked. */}
                {comment.hidden !== undefined && (
                  <p className="muted">
                    {t("console.comments.hiddenNote", {
                      reason: comment.hidden.reason,
                      by: comment.hidden.by,
                      at: formatDateTime(lang, comment.hidden.at),
                    })}
                  </p>
                )}
              </li>
            ))}
          </ul>
        )}
      </QueryContent>
      {session !== undefined && (
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            post.mutate();
          }}
        >
          <div className="field grow">
            <label htmlFor={inputId}>{t("updates.commentLabel")}</label>
            <input id={inputId} required value={body} onChange={(e) => setBody(e.target.value)} />
          </div>
          <button type="submit" disabled={post.isPending}>
            {t("updates.commentSubmit")}
          </button>
          <ErrorMessage error={post.error} />
        </form>
      )}
    </div>
  );
};

const UpdateItem = ({ update }: { update: PlanUpdate }) => {
  const { t, lang } = useI18n();
  return (
    <li className="update">
      <p className="muted">
        <time dateTime={update.postedAt}>{formatDateTime(lang, update.postedAt)}</time>
        {update.visibility === "owners" && <span className="badge">{t("updates.ownersOnly")}</span>}
      </p>
      <p className="story">{update.body}</p>
      {update.photoUrls.length > 0 && (
        <div className="photos">
          {update.photoUrls.map((src, i) => (
            <PhotoImage key={update.photoKeys[i] ?? src} src={src} alt="" />
          ))}
        </div>
      )}
      <Comments updateId={update.id} />
    </li>
  );
};

/** The producer's updates, newest first, each with its comments. */
export const UpdatesTimeline = ({ planId }: { planId: string }) => {
  const { t } = useI18n();
  const { api } = useApp();
  const updates = useQuery({
    queryKey: queryKeys.updates(planId),
    queryFn: () => call(api.GET("/plans/{id}/updates", { params: { path: { id: planId } } })),
  });
  return (
    <section className="card">
      <h2>{t("plan.updates")}</h2>
      <QueryContent query={updates}>
        {(page) =>
          page.items.length === 0 ? (
            <p className="muted">{t("updates.empty")}</p>
          ) : (
            <ol className="timeline">
              {page.items.map((update) => (
                <UpdateItem key={update.id} update={update} />
              ))}
            </ol>
          )
        }
      </QueryContent>
    </section>
  );
};
