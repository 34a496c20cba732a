import { Link, Outlet, useLocation } from "react-router";
import { useApp } from "../app-context";
import type { Role } from "../auth/session";
import { useI18n } from "../i18n/i18n";

/**
 * A layout route for every page that needs a role: its child routes render only for that role;
 * anyone else is asked to sign in (and comes back here after) instead of meeting 401s.
 */
export const RequireRole = ({ need }: { need: Role }) => {
  const { session } = useApp();
  const { t } = useI18n();
  const { pathname } = useLocation();
  if (session?.role === need) return <Outlet />;
  return (
    <section className="card narrow">
      <p>{t("signIn.required")}</p>
      <Link to={`/sign-in?next=${encodeURIComponent(pathname)}`}>{t("nav.signIn")}</Link>
    </section>
  );
};
