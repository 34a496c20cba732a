/** A page of a list. `nextCursor` is opaque and tamper-evident; absent on the last page. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor?: string;
}

export interface PageRequest {
  /** 1..100; adapters clamp to that range. */
  readonly limit: number;
  readonly cursor?: string;
}

export const DEFAULT_PAGE_LIMIT = 20;
export const MAX_PAGE_LIMIT = 100;
export const clampLimit = (limit: number | undefined): number =>
  Math.min(MAX_PAGE_LIMIT, Math.max(1, Math.trunc(limit ?? DEFAULT_PAGE_LIMIT)));

/**
 * How much of an index one page request may read when a filter drops items: without it a rare
 * value (an anonymous `GET /plans?category=…`) reads a whole partition per request. A page that
 * runs out of budget returns what it found (maybe nothing) and a cursor where the reading stopped.
 */
export interface ListReadBudget {
  /** Items one read examines (DynamoDB `Limit`, counted before the filter). */
  readonly itemsPerRead: number;
  /** Reads one page request may make. */
  readonly readsPerRequest: number;
}

export const DEFAULT_LIST_READ_BUDGET: ListReadBudget = { itemsPerRead: 100, readsPerRequest: 4 };
