import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { call } from "../../api/client";
import type { Comment } from "../../api/types";
import { useApp } from "../../app-context";
import { Field } from "../../components/field";
import { ErrorMessage } from "../../components/problem-message";
import { QueryContent } from "../../components/query-content";
import { formatDateTime } from "../../format";
import { useI18n } from "../../i18n/i18n";
import { queryKeys } from "../../queries/query-keys";
import { consoleKeys, useConsoleComments } from "../../queries/use-console";

/** Hiding takes a reason, which the author reads in the notification. */
const HideComment = ({ comment }: { comment: Comment }) => {
  const { t } = useI18n();
  const { api } = useApp();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const hide = useMutation({
    mutationFn: () =>
      call(
        api.POST("/admin/comments/{id}/hide", {
          params: { path: { id: comment.id } },
          body: { reason: reason.trim() },
        }),
      ),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: consoleKeys.comments() }),
        queryClient.invalidateQueries({ queryKey: queryKeys.comments(comment.updateId) }),
      ]),
  });
  if (hide.isSuccess)
    return (
      <p className="success" role="status">
        {t("console.comments.hiddenOk")}
      </p>
    );
  if (!open)
    return (
      <button type="button" onClick={() => setOpen(true)}>
        {t("console.comments.hide")}
      </button>
    );
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        hide.mutate();
      }}
    >
      <Field label={t("console.comments.reason")} value={reason} onChange={setReason} required />
      <button type="submit" className="danger" disabled={hide.isPending || reason.trim() === ""}>
        {t("console.comments.confirmHide")}
      </button>
      <ErrorMessage error={hide.error} />
    </form>
  );
};

/** `/admin/comments`: every comment, newest first; hide one with a reason. */
export const AdminCommentsPage = () => {
  const { t, lang } = useI18n();
  const comments = useConsoleComments();
  return (
    <section className="card">
      <h2>{t("console.comments.title")}</h2>
      <QueryContent query={comments}>
        {(data) => {
          const items = data.pages.flatMap((page) => page.items);
          return items.length === 0 ? (
            <p className="muted">{t("console.comments.empty")}</p>
          ) : (
            <>
              <ul className="console-comments" data-testid="console-comments">
                {items.map((comment) => (
                  <li
                    key={comment.id}
                    data-testid={`console-comment-${comment.id}`}
                    className={comment.hidden === undefined ? undefined : "hidden-comment"}
                  >
                    <p className="muted">
                      {t("console.comments.by", {
                        author: comment.authorId,
                        at: formatDateTime(lang, comment.postedAt),
                      })}
                    </p>
                    <p className="story">{comment.body}</p>
                    {comment.hidden === undefined ? (
                      <HideComment comment={comment} />
                    ) : (
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
              {comments.hasNextPage && (
                <button type="button" onClick={() => comments.fetchNextPage()}>
                  {t("console.comments.more")}
                </button>
              )}
            </>
          );
        }}
      </QueryContent>
    </section>
  );
};
