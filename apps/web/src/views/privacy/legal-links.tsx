import { Link } from "react-router";
import { useI18n } from "../../i18n/i18n";

/** Links to the privacy policy and the terms: the footer and the sign-in page show them. */
export const LegalLinks = () => {
  const { t } = useI18n();
  return (
    <>
      <Link to="/privacy">{t("footer.privacy")}</Link> ·{" "}
      <Link to="/terms">{t("footer.terms")}</Link>
    </>
  );
};

/** What the sign-in page says before anyone signs in: signing in accepts the two texts. */
export const SignInAgreement = () => {
  const { t } = useI18n();
  return (
    <p className="muted">
      {t("signIn.agree")} <LegalLinks />
    </p>
  );
};
