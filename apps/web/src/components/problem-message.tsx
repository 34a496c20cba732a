import { type Problem, problemFromError } from "../api/problem";
import { useI18n } from "../i18n/i18n";
import { isMessageKey } from "../i18n/translate";

/** The translated sentence for an API problem; the API's own title when the code is unknown. */
export const useProblemText = () => {
  const { t } = useI18n();
  return (problem: Problem): string => {
    const key = `error.${problem.code}`;
    return isMessageKey(key) ? t(key) : problem.title;
  };
};

export const ProblemMessage = ({ problem }: { problem: Problem }) => {
  const { t, lang } = useI18n();
  const text = useProblemText();
  // The API's words as received, unless the reader switched language since (an old answer).
  const current = problem.language === undefined || problem.language === lang;
  return (
    <div className="problem" role="alert">
      <strong>{t("error.title")}</strong>
      <p>{text(problem)}</p>
      {current && problem.detail !== undefined && problem.detail !== problem.title && (
        <p className="muted">{problem.detail}</p>
      )}
      {current && problem.fields !== undefined && problem.fields.length > 0 && (
        <>
          <p>{t("error.fields")}</p>
          <ul>
            {problem.fields.map((f) => (
              <li key={`${f.field}:${f.message}`}>
                <code>{f.field}</code> {f.message}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
};

/** The problem of a failed write (a mutation's `error`), or nothing while there is none. */
export const ErrorMessage = ({ error }: { error: unknown }) =>
  error == null ? null : <ProblemMessage problem={problemFromError(error)} />;
