import { NavLink } from "react-router";
import { useI18n } from "../../i18n/i18n";
import { useUnreadCount } from "../../queries/use-notifications";

/** The header's link to the inbox with the number of unread notifications (99+ beyond). */
export const InboxLink = () => {
  const { t } = useI18n();
  const unread = useUnreadCount(true);
  const count = unread.data?.unread ?? 0;
  const shown = unread.data?.capped === true ? "99+" : String(count);
  return (
    <NavLink to="/me/notifications" data-testid="inbox-link">
      {t("notices.inbox")}
      {count > 0 && (
        <span className="badge unread-badge" data-testid="unread-count">
          <span aria-hidden="true">{shown}</span>
          <span className="visually-hidden">{t("notices.unread", { count: shown })}</span>
        </span>
      )}
    </NavLink>
  );
};
