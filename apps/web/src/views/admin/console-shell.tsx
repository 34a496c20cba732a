import { NavLink, Outlet } from "react-router";
import { useI18n } from "../../i18n/i18n";

/**
 * The console's pages, in the order of an admin's day. `applications` is the applications page
 * (`/admin/applications`, its own route component); the entry is here so the shell lists it.
 */
export const CONSOLE_PAGES = [
  "applications",
  "plans",
  "comments",
  "disputes",
  "batches",
  "audit",
] as const;

/** `/admin`: the console's navigation beside the page an admin is on. */
export const ConsoleShell = () => {
  const { t } = useI18n();
  return (
    <div className="console">
      <h1>{t("console.title")}</h1>
      <nav aria-label={t("console.nav")} className="console-nav">
        {CONSOLE_PAGES.map((page) => (
          <NavLink key={page} to={`/admin/${page}`}>
            {t(`console.nav.${page}`)}
          </NavLink>
        ))}
      </nav>
      <div className="console-page">
        <Outlet />
      </div>
    </div>
  );
};

/** `/admin` itself: what the console is for. */
export const ConsoleHome = () => {
  const { t } = useI18n();
  return (
    <section className="card">
      <p>{t("console.intro")}</p>
    </section>
  );
};
