export interface IdGenerator {
  /** A new, unique, URL-safe id starting with `prefix_` (e.g. `plan_01J...`), sortable by creation time. */
  next(prefix: string): string;
  /**
   * The same id for the same parts, always: how a retried request (same idempotency key) or a
   * re-run batch step lands on the record it wrote the first time instead of a new one.
   */
  deterministic(prefix: string, ...parts: readonly string[]): string;
}
