import { useInfiniteQuery, useMutation } from "@tanstack/react-query";
import { call } from "../../api/client";
import { useApp } from "../../app-context";
import { DataTable } from "../../components/data-table";
import { ErrorMessage } from "../../components/problem-message";
import { QueryContent } from "../../components/query-content";
import { formatDateTime } from "../../format";
import { useI18n } from "../../i18n/i18n";
import { queryKeys } from "../../queries/query-keys";
import { saveBlob } from "./download";

/** Who booked an experience (name, seats, status), page by page, and the same as a CSV file. */
export const ExperienceBookings = ({ experienceId }: { experienceId: string }) => {
  const { t, lang } = useI18n();
  const { api } = useApp();
  const bookings = useInfiniteQuery({
    queryKey: queryKeys.experienceBookings(experienceId),
    queryFn: ({ pageParam }) =>
      call(
        api.GET("/experiences/{id}/bookings", {
          params: {
            path: { id: experienceId },
            query: { limit: 50, ...(pageParam === undefined ? {} : { cursor: pageParam }) },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor,
  });
  // A download changes nothing on the server: a mutation only for its pending state and problem.
  const download = useMutation({
    mutationFn: async () => {
      const blob = await call(
        api.GET("/experiences/{id}/bookings.csv", {
          params: { path: { id: experienceId } },
          parseAs: "blob",
        }),
      );
      saveBlob(blob as Blob, `bookings-${experienceId}.csv`);
    },
  });
  return (
    <details className="bookings" data-testid={`bookings-${experienceId}`}>
      <summary>{t("producerPaths.bookings")}</summary>
      <button type="button" disabled={download.isPending} onClick={() => download.mutate()}>
        {t("producerPaths.bookingsCsv")}
      </button>
      <ErrorMessage error={download.error} />
      <QueryContent query={bookings}>
        {(data) => (
          <>
            <DataTable
              testId={`bookings-table-${experienceId}`}
              empty={t("producerPaths.noBookings")}
              columns={[
                t("producerPaths.bookingOwner"),
                t("producerPaths.bookingSeats"),
                t("producerPaths.bookingStatus"),
                t("producerPaths.bookedAt"),
              ]}
            >
              {data.pages
                .flatMap((page) => page.bookings)
                .map((b) => (
                  <tr key={b.bookingId}>
                    <th scope="row">{b.displayName ?? b.ownerId}</th>
                    <td>{b.seats}</td>
                    <td>{t(`producerPaths.booking.${b.status}`)}</td>
                    <td>{formatDateTime(lang, b.bookedAt)}</td>
                  </tr>
                ))}
            </DataTable>
            {bookings.hasNextPage && (
              <button type="button" onClick={() => bookings.fetchNextPage()}>
                {t("console.plans.more")}
              </button>
            )}
          </>
        )}
      </QueryContent>
    </details>
  );
};
