import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { Link } from "react-router";
import { call } from "../../api/client";
import type { MyBooking } from "../../api/types";
import { useApp } from "../../app-context";
import { ErrorMessage } from "../../components/problem-message";
import { QueryContent } from "../../components/query-content";
import { formatDateTime, formatYen } from "../../format";
import { useI18n } from "../../i18n/i18n";
import { queryKeys } from "../../queries/query-keys";

const BookingRow = ({ booking }: { booking: MyBooking }) => {
  const { t, lang } = useI18n();
  const { api } = useApp();
  const queryClient = useQueryClient();
  const cancel = useMutation({
    mutationFn: () =>
      call(
        api.DELETE("/experiences/{id}/bookings/{bookingId}", {
          params: { path: { id: booking.experienceId, bookingId: booking.bookingId } },
        }),
      ),
    // The booking is cancelled and its seats are free again on the plan page.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.myBookings() }),
        queryClient.invalidateQueries({ queryKey: queryKeys.experiences(booking.planId) }),
      ]),
  });
  const startsAt = formatDateTime(lang, booking.startsAt);
  const amount = booking.amountYen === undefined ? undefined : formatYen(lang, booking.amountYen);
  const paid = booking.payment?.status === "succeeded";
  const confirmThenCancel = () => {
    const question =
      paid && amount !== undefined
        ? t("myBookings.confirmCancelPaid", {
            title: booking.title,
            seats: booking.seats,
            startsAt,
            amount,
          })
        : t("myBookings.confirmCancel", { title: booking.title, seats: booking.seats, startsAt });
    if (window.confirm(question)) cancel.mutate();
  };
  // Cancelling is refused once the experience has started: no button then.
  const cancellable = booking.status !== "cancelled" && Date.parse(booking.startsAt) > Date.now();
  const checkoutUrl = booking.payment?.checkoutUrl;
  return (
    <li data-testid="my-booking">
      <strong>
        <Link to={`/plans/${booking.planId}`}>{booking.title}</Link>
      </strong>
      <p className="muted">
        {startsAt} · {t("myBookings.seats", { seats: booking.seats })}
        {booking.status === "cancelled" && <> · {t("myBookings.cancelled")}</>}
        {booking.status === "pending_payment" && booking.payment !== undefined && (
          <>
            {" · "}
            {t("myBookings.awaitingPayment", {
              until: formatDateTime(lang, booking.payment.expiresAt),
            })}
          </>
        )}
        {amount !== undefined && paid && !booking.payment?.refunded && (
          <> · {t("myBookings.paid", { amount })}</>
        )}
        {amount !== undefined && booking.payment?.refunded && (
          <> · {t("myBookings.refunded", { amount })}</>
        )}
      </p>
      {booking.status === "pending_payment" && checkoutUrl !== undefined && (
        <a className="button primary" href={checkoutUrl}>
          {t("myBookings.pay")}
        </a>
      )}
      {booking.location !== undefined && (
        <p className="experience-location">
          {t("experiences.location")}: {booking.location}
        </p>
      )}
      {cancellable && (
        <button type="button" disabled={cancel.isPending} onClick={confirmThenCancel}>
          {t("myBookings.cancel")}
        </button>
      )}
      <ErrorMessage error={cancel.error} />
    </li>
  );
};

/** The owner's experience bookings, newest first, a page at a time, each cancellable until it starts. */
export const MyBookingsSection = () => {
  const { t } = useI18n();
  const { api } = useApp();
  const bookings = useInfiniteQuery({
    queryKey: queryKeys.myBookings(),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call(
        api.GET("/me/bookings", {
          params: { query: pageParam === undefined ? {} : { cursor: pageParam } },
        }),
      ),
    getNextPageParam: (page) => page.nextCursor,
  });
  return (
    <section className="card" aria-labelledby="my-bookings-title">
      <h2 id="my-bookings-title">{t("myBookings.title")}</h2>
      <QueryContent query={bookings}>
        {(data) => {
          const rows = data.pages.flatMap((page) => page.bookings);
          return rows.length === 0 ? (
            <p className="muted">{t("myBookings.empty")}</p>
          ) : (
            <>
              <ul className="list">
                {rows.map((booking) => (
                  <BookingRow key={booking.bookingId} booking={booking} />
                ))}
              </ul>
              {bookings.hasNextPage && (
                <button
                  type="button"
                  disabled={bookings.isFetchingNextPage}
                  onClick={() => bookings.fetchNextPage()}
                >
                  {t("myBookings.more")}
                </button>
              )}
            </>
          );
        }}
      </QueryContent>
    </section>
  );
};
