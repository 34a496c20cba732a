import type { ReactNode } from "react";
import { useI18n } from "../i18n/i18n";
import type { Loaded } from "../use-load";
import { ProblemMessage } from "./problem-message";

export const Spinner = () => {
  const { t } = useI18n();
  return (
    <p className="loading" role="status" aria-live="polite">
      {t("common.loading")}
    </p>
  );
};

/** Loading, a readable error, or the content: the one shape every page's data goes through. */
export const Load = <T,>({
  loaded,
  children,
}: {
  loaded: Loaded<T>;
  children: (data: T) => ReactNode;
}) => {
  if (loaded.state === "loading") return <Spinner />;
  if (loaded.state === "failed") return <ProblemMessage problem={loaded.problem} />;
  return <>{children(loaded.data)}</>;
};
