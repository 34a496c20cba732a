/**
 * Time values are plain strings so they survive JSON and DynamoDB unchanged:
 * - Instant: ISO 8601 UTC with milliseconds, `2026-11-28T12:00:00.000Z`. Instants in this
 *   exact form sort lexicographically in time order, which the storage keys rely on.
 * - LocalDate: `YYYY-MM-DD`, a calendar day in Japan (ship days, ready dates, best-before).
 * The domain never reads the clock: callers pass `now` in.
 */
export type Instant = string & { readonly __instant: true };
export type LocalDate = string & { readonly __localDate: true };

const INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/** Normalises any ISO 8601 timestamp to the canonical Instant form; undefined if invalid. */
export const parseInstant = (value: string): Instant | undefined => {
  const ms = Date.parse(value);
  if (Number.isNaN(ms) || !/^\d{4}-\d{2}-\d{2}T/.test(value)) return undefined;
  return new Date(ms).toISOString() as Instant;
};
export const isInstant = (value: string): value is Instant => INSTANT_RE.test(value);
export const instant = (value: string): Instant => {
  const parsed = parseInstant(value);
  if (parsed === undefined) throw new RangeError(`not an ISO 8601 instant: ${value}`);
  return parsed;
};
export const instantFromMillis = (ms: number): Instant => new Date(ms).toISOString() as Instant;
export const millisOf = (at: Instant): number => Date.parse(at);
export const addMillis = (at: Instant, ms: number): Instant => instantFromMillis(millisOf(at) + ms);

export const parseLocalDate = (value: string): LocalDate | undefined => {
  if (!DATE_RE.test(value)) return undefined;
  const ms = Date.parse(`${value}T00:00:00.000Z`);
  if (Number.isNaN(ms)) return undefined;
  return new Date(ms).toISOString().slice(0, 10) === value ? (value as LocalDate) : undefined;
};
export const localDate = (value: string): LocalDate => {
  const parsed = parseLocalDate(value);
  if (parsed === undefined) throw new RangeError(`not a YYYY-MM-DD date: ${value}`);
  return parsed;
};
export const addDays = (day: LocalDate, days: number): LocalDate =>
  new Date(Date.parse(`${day}T00:00:00.000Z`) + days * DAY_MS)
    .toISOString()
    .slice(0, 10) as LocalDate;
/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: LocalDate, to: LocalDate): number =>
  Math.round((Date.parse(`${to}T00:00:00.000Z`) - Date.parse(`${from}T00:00:00.000Z`)) / DAY_MS);
/** The calendar day in Japan (UTC+9, no daylight saving) on which an instant falls. */
export const japanDayOf = (at: Instant): LocalDate =>
  new Date(millisOf(at) + 9 * 3_600_000).toISOString().slice(0, 10) as LocalDate;
