/**
 * Shutdown steps run in the reverse order they were added (last started, first stopped), each
 * once, all of them even if one fails; `run` twice returns the same promise.
 */
export const stopInReverse = () => {
  const steps: (() => Promise<void> | void)[] = [];
  let done: Promise<void> | undefined;
  return {
    add: (step: () => Promise<void> | void) => {
      steps.push(step);
    },
    run: (): Promise<void> => {
      done ??= (async () => {
        const errors: unknown[] = [];
        for (const step of [...steps].reverse()) {
          try {
            await step();
          } catch (error) {
            errors.push(error);
          }
        }
        if (errors.length > 0)
          throw new AggregateError(errors, "the local stack did not stop cleanly");
      })();
      return done;
    },
  };
};
