import { useCallback, useState } from "react";
import { type Problem, problemFromError } from "./api/problem";

/** A button's action: pending while it runs, the problem when it fails (shown next to it). */
export const useAction = <A extends unknown[], T>(run: (...args: A) => Promise<T>) => {
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<Problem | undefined>(undefined);
  const start = useCallback(
    async (...args: A): Promise<T | undefined> => {
      setPending(true);
      setProblem(undefined);
      try {
        return await run(...args);
      } catch (error) {
        setProblem(problemFromError(error));
        return undefined;
      } finally {
        setPending(false);
      }
    },
    [run],
  );
  return { start, pending, problem, clear: () => setProblem(undefined) } as const;
};
