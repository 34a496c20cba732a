import { Link } from "react-router";
import { ErrorMessage } from "../../components/problem-message";
import { QueryContent } from "../../components/query-content";
import { formatDateTime } from "../../format";
import { useI18n } from "../../i18n/i18n";
import { type InboxItem, useInbox, useMarkRead } from "../../queries/use-notifications";

/** A site path stays in the app; anything else (a full URL) opens as a link. */
const ItemLink = ({ link }: { link: NonNullable<InboxItem["link"]> }) =>
  link.url.startsWith("/") ? (
    <Link to={link.url}>{link.label}</Link>
  ) : (
    <a href={link.url} rel="noopener noreferrer">
      {link.label}
    </a>
  );

const InboxRow = ({ item }: { item: InboxItem }) => {
  const { t, lang } = useI18n();
  const markRead = useMarkRead();
  return (
    <li data-testid="inbox-item" data-read={item.read} className={item.read ? "read" : "unread"}>
      <strong>
        {!item.read && <span className="visually-hidden">{t("notices.new")} </span>}
        {item.subject}
      </strong>
      <p className="muted">{formatDateTime(lang, item.at)}</p>
      {item.paragraphs.map((p, i) => (
        // Paragraphs have no ids; their order is their identity.
        // biome-ignore lint/suspicious/noArrayIndexKey: fixed list from the server
        <p key={i}>{p}</p>
      ))}
      {item.link !== undefined && (
        <p>
          <ItemLink link={item.link} />
        </p>
      )}
      {!item.read && (
        <button
          type="button"
          disabled={markRead.isPending}
          onClick={() => markRead.mutate(item.id)}
        >
          {t("notices.markRead")}
        </button>
      )}
      <ErrorMessage error={markRead.error} />
    </li>
  );
};

/** `/me/notifications`: the owner's notifications, newest first, in its language. */
export const InboxPage = () => {
  const { t } = useI18n();
  const inbox = useInbox();
  const markAll = useMarkRead();
  return (
    <section className="stack">
      <h1>{t("notices.title")}</h1>
      <p>
        <Link to="/settings/notifications">{t("notices.preferencesLink")}</Link>
      </p>
      <QueryContent query={inbox}>
        {(data) => {
          const items = data.pages.flatMap((page) => page.items);
          if (items.length === 0) return <p className="muted">{t("notices.empty")}</p>;
          return (
            <>
              {items.some((i) => !i.read) && (
                <button
                  type="button"
                  disabled={markAll.isPending}
                  onClick={() => markAll.mutate(undefined)}
                >
                  {t("notices.markAllRead")}
                </button>
              )}
              <ErrorMessage error={markAll.error} />
              <ul className="list card">
                {items.map((item) => (
                  <InboxRow key={item.id} item={item} />
                ))}
              </ul>
              {inbox.hasNextPage && (
                <button
                  type="button"
                  disabled={inbox.isFetchingNextPage}
                  onClick={() => inbox.fetchNextPage()}
                >
                  {t("notices.more")}
                </button>
              )}
            </>
          );
        }}
      </QueryContent>
    </section>
  );
};
