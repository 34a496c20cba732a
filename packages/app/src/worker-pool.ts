/**
 * Runs `work` on every item, taking them in order, with at most `concurrency` calls in flight: a
 * pool rather than all at once, so a long list neither floods the store nor waits on its slowest
 * batch. Once a result satisfies `stop`, or a call throws, no further item is started (the calls
 * in flight finish); a throw rejects the whole. The results come in the order the calls finished.
 */
export const runPooled = async <T, R>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<R>,
  stop: (result: R) => boolean = () => false,
): Promise<R[]> => {
  const results: R[] = [];
  let next = 0;
  let stopped = false;
  const worker = async () => {
    while (!stopped && next < items.length) {
      const item = items[next] as T;
      next += 1;
      try {
        const result = await work(item);
        results.push(result);
        if (stop(result)) stopped = true;
      } catch (error) {
        stopped = true;
        throw error;
      }
    }
  };
  const workers = Math.min(Math.max(1, concurrency), items.length);
  await Promise.all(Array.from({ length: workers }, worker));
  return results;
};
