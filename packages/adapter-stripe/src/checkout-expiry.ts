/** Stripe takes a Checkout Session's `expires_at` only between 30 minutes and 24 hours ahead. */
const MIN_SECONDS = 30 * 60;
const MAX_SECONDS = 24 * 60 * 60;
/** Room for the request's own travel: Stripe measures from when it receives it. */
const MARGIN_SECONDS = 2 * 60;
/** Clamped values fall on this grid so that a retry minutes later sends the same parameters. */
const GRID_SECONDS = 15 * 60;

/**
 * The session's `expires_at` for a hold ending at `holdEnd` (seconds), asked at `now` (seconds).
 * A hold within Stripe's window is used as is. A shorter one (the default 30-minute hold is
 * always a little short by the time it reaches Stripe) is raised to the next grid point past the
 * minimum, and a longer one lowered to the last grid point before the maximum: the hold itself
 * still ends on time (the expiry batch expires the session), the page just stays up a little
 * longer. The grid keeps a retried create (same idempotency key) identical, as Stripe requires.
 */
export const checkoutExpiresAt = (holdEnd: number, now: number): number => {
  const earliest = now + MIN_SECONDS + MARGIN_SECONDS;
  const latest = now + MAX_SECONDS - MARGIN_SECONDS;
  if (holdEnd >= earliest && holdEnd <= latest) return holdEnd;
  return holdEnd < earliest
    ? Math.ceil(earliest / GRID_SECONDS) * GRID_SECONDS
    : Math.floor(latest / GRID_SECONDS) * GRID_SECONDS;
};

/** Stripe takes a konbini voucher's validity as 1 to 60 calendar days (ending 23:59:59 JST). */
const MAX_VOUCHER_DAYS = 60;
const DAY_SECONDS = 24 * 60 * 60;

/**
 * Days a konbini voucher stays payable for a hold ending at `holdEnd`, asked at `now` (seconds):
 * the hold's remaining days rounded up, within Stripe's 1..60. Stripe's default (3 days) would
 * outlive the usual 30-minute hold by days, and money paid after the hold is released must be
 * refunded; this keeps that window to the end of the next JST day at most. Whole days remaining
 * change only once a day, so a retried create still sends the same parameters.
 */
export const konbiniVoucherDays = (holdEnd: number, now: number): number =>
  Math.min(MAX_VOUCHER_DAYS, Math.max(1, Math.ceil((holdEnd - now) / DAY_SECONDS)));
