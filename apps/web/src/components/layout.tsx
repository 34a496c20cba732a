import type { ReactNode } from "react";
import { NavLink, useNavigate } from "react-router";
import { useApp } from "../app-context";
import { signOutUrl } from "../auth/cognito";
import { useI18n } from "../i18n/i18n";
import { LANGS } from "../i18n/translate";
import { InboxLink } from "../views/notices/unread-badge";
import { LegalLinks } from "../views/privacy/legal-links";

const LanguageSwitch = () => {
  const { lang, setLang, t } = useI18n();
  return (
    <fieldset className="lang-switch">
      <legend className="visually-hidden">{t("nav.language")}</legend>
      {LANGS.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          aria-pressed={lang === option}
          onClick={() => setLang(option)}
        >
          {option === "ja" ? "日本語" : "English"}
        </button>
      ))}
    </fieldset>
  );
};

export const Layout = ({ children }: { children: ReactNode }) => {
  const { t } = useI18n();
  const { session, setToken, config } = useApp();
  const navigate = useNavigate();
  const signOut = () => {
    setToken(undefined);
    if (config.auth !== "dev") location.assign(signOutUrl(config.auth.cognito));
    else navigate("/");
  };
  return (
    <>
      <a href="#main" className="skip-link">
        {t("nav.skip")}
      </a>
      <header className="site-header">
        <div className="brand">
          <NavLink to="/" className="logo">
            {t("app.name")}
          </NavLink>
          <span className="tagline">{t("app.tagline")}</span>
        </div>
        <nav aria-label={t("nav.main")}>
          <NavLink to="/" end>
            {t("nav.plans")}
          </NavLink>
          <NavLink to="/producers">{t("people.producers")}</NavLink>
          {session?.role === "owner" && (
            <NavLink to="/me" end>
              {t("nav.myHarvest")}
            </NavLink>
          )}
          {session?.role === "owner" && <InboxLink />}
          {session?.role === "owner" && <NavLink to="/apply">{t("nav.apply")}</NavLink>}
          {session?.role === "producer" && (
            <>
              <NavLink to="/producer" end>
                {t("nav.dashboard")}
              </NavLink>
              <NavLink to="/producer/plans/new">{t("nav.newPlan")}</NavLink>
            </>
          )}
          {session?.role === "admin" && <NavLink to="/admin">{t("nav.console")}</NavLink>}
          {session !== undefined && <NavLink to="/settings">{t("nav.settings")}</NavLink>}
          {session === undefined ? (
            <NavLink to="/sign-in">{t("nav.signIn")}</NavLink>
          ) : (
            <button type="button" className="link" onClick={signOut}>
              {t("nav.signOut")}
            </button>
          )}
        </nav>
        <LanguageSwitch />
      </header>
      {session !== undefined && (
        <p className="session muted">
          {t("common.signedInAs", {
            name: session.name ?? session.sub,
            role: t(`role.${session.role}`),
          })}
        </p>
      )}
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <nav aria-label={t("footer.legal")}>
          <LegalLinks />
        </nav>
      </footer>
    </>
  );
};
