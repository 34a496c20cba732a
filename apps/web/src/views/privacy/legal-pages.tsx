import { useI18n } from "../../i18n/i18n";
import type { MessageKey } from "../../i18n/messages-ja";

/** A legal text from the messages: paragraphs split on blank lines, lines kept. */
const LegalText = ({ title, body }: { title: MessageKey; body: MessageKey }) => {
  const { t } = useI18n();
  return (
    <article className="legal">
      <h1>{t(title)}</h1>
      {t(body)
        .split("\n")
        .filter((line) => line.trim() !== "")
        .map((line) => (
          <p key={line}>{line}</p>
        ))}
    </article>
  );
};

/** `/privacy`: how personal data is handled (APPI), in the reader's language. */
export const PrivacyPage = () => <LegalText title="legal.privacyTitle" body="legal.privacyBody" />;

/** `/terms`: the terms of use. */
export const TermsPage = () => <LegalText title="legal.termsTitle" body="legal.termsBody" />;
