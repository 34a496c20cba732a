import type { ReactNode } from "react";
import { problemFromError } from "../api/problem";
import { Spinner } from "./loading";
import { ProblemMessage } from "./problem-message";

/** What a query (useQuery, useInfiniteQuery) has so far: its data, or why it has none. */
export interface QueryState<T> {
  readonly data: T | undefined;
  readonly error: unknown;
}

/**
 * Loading, a readable error, or the content: the one shape every page's data goes through.
 * A failed refetch keeps the content it had and says what went wrong above it.
 */
export const QueryContent = <T,>({
  query,
  children,
}: {
  query: QueryState<T>;
  children: (data: T) => ReactNode;
}) => {
  const problem = query.error == null ? undefined : problemFromError(query.error);
  if (query.data === undefined)
    return problem === undefined ? <Spinner /> : <ProblemMessage problem={problem} />;
  return (
    <>
      {problem !== undefined && <ProblemMessage problem={problem} />}
      {children(query.data)}
    </>
  );
};
