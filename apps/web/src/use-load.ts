import { type DependencyList, useCallback, useEffect, useState } from "react";
import { type Problem, problemFromError } from "./api/problem";

export type Loaded<T> =
  | { readonly state: "loading" }
  | { readonly state: "failed"; readonly problem: Problem }
  | { readonly state: "ready"; readonly data: T };

/** Runs `load` when `deps` change; `reload` runs it again. Late answers of stale runs are dropped. */
export const useLoad = <T>(load: () => Promise<T>, deps: DependencyList) => {
  const [result, setResult] = useState<Loaded<T>>({ state: "loading" });
  const [generation, setGeneration] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller lists what `load` reads
  useEffect(() => {
    let live = true;
    setResult((previous) => (previous.state === "ready" ? previous : { state: "loading" }));
    load().then(
      (data) => live && setResult({ state: "ready", data }),
      (error: unknown) => live && setResult({ state: "failed", problem: problemFromError(error) }),
    );
    return () => {
      live = false;
    };
  }, [...deps, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return [result, reload] as const;
};
