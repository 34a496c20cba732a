/** Resolves after `ms` milliseconds (the pause between retries and polling rounds). */
export const sleep = (ms: number): Promise<void> =>
  new Promise<void>((resolve) => setTimeout(resolve, ms));
