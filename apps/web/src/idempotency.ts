/** A fresh Idempotency-Key: one per attempt, reused only when the same attempt is retried. */
export const newIdempotencyKey = (): string =>
  typeof crypto.randomUUID === "function"
    ? crypto.randomUUID()
    : Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) =>
        b.toString(16).padStart(2, "0"),
      ).join("");

/** Answers worth retrying with the same key: the request may or may not have landed. */
export const isRetryable = (status: number): boolean => status === 0 || status >= 500;
