import { type DomainError, domainError, type Instant, parseInstant } from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";

/**
 * The schedule vocabulary shared by the in-process scheduler and the EventBridge adapter, in
 * EventBridge Scheduler's own terms, so a schedule that works locally is one AWS accepts.
 */

export type RateUnit = "minute" | "hour" | "day";

export interface Rate {
  readonly value: number;
  readonly unit: RateUnit;
  readonly intervalMs: number;
}

const UNIT_MS: Record<RateUnit, number> = { minute: 60_000, hour: 3_600_000, day: 86_400_000 };
const RATE_RE = /^(\d{1,6}) (minute|minutes|hour|hours|day|days)$/;
const NAME_RE = /^[0-9A-Za-z_.-]{1,64}$/;

const invalid = (message: string, details: Record<string, unknown>): E.Either<DomainError, never> =>
  E.left(domainError("VALIDATION.INVALID", message, details));

/** `"5 minutes"`, `"1 hour"`, `"2 days"`: a positive whole number, singular unit for 1, plural otherwise. */
export const parseRate = (rate: string): E.Either<DomainError, Rate> => {
  const match = RATE_RE.exec(rate.trim());
  const value = Number(match?.[1]);
  const word = match?.[2];
  if (match === null || word === undefined || value < 1 || (value === 1) !== !word.endsWith("s")) {
    return invalid(
      `not a schedule rate: "${rate}" (expected e.g. "1 minute", "5 minutes", "2 hours")`,
      { rate },
    );
  }
  const unit = word.replace(/s$/, "") as RateUnit;
  return E.right({ value, unit, intervalMs: value * UNIT_MS[unit] });
};

/** EventBridge's `rate(5 minutes)`. */
export const rateExpression = (rate: Rate): string =>
  `rate(${rate.value} ${rate.unit}${rate.value === 1 ? "" : "s"})`;

/**
 * EventBridge's `at(yyyy-mm-ddThh:mm:ss)` in UTC. It has whole seconds only, so a fractional
 * instant rounds up: a one-off may run a little late, never early.
 */
export const atExpression = (at: string): E.Either<DomainError, string> =>
  E.map((instant: Instant) => {
    const rounded = new Date(Math.ceil(Date.parse(instant) / 1000) * 1000).toISOString();
    return `at(${rounded.slice(0, 19)})`;
  })(parseAt(at));

/** A one-off's time as a canonical Instant. */
export const parseAt = (at: string): E.Either<DomainError, Instant> => {
  const parsed = parseInstant(at);
  return parsed === undefined
    ? invalid(`not an ISO 8601 instant: "${at}"`, { at })
    : E.right(parsed);
};

/** Schedule names as EventBridge allows them: 1-64 of letters, digits, `-`, `_`, `.`. */
export const validateScheduleName = (name: string): E.Either<DomainError, string> =>
  NAME_RE.test(name)
    ? E.right(name)
    : invalid(`not a schedule name: "${name}" (1-64 letters, digits, "-", "_", ".")`, { name });
