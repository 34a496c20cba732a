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
