import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { call } from "../api/client";
import type { Experience } from "../api/types";
import { useApp } from "../app-context";
import { ErrorMessage } from "../components/problem-message";
import { QueryContent } from "../components/query-content";
import { formatDateTime } from "../format";
import { useI18n } from "../i18n/i18n";
import { newIdempotencyKey } from "../idempotency";
import { queryKeys } from "../queries/query-keys";
import { ExperienceBookings } from "./producer/experience-bookings";

const BookExperience = ({ planId, experience }: { planId: string; experience: Experience }) => {
  const { t } = useI18n();
  const { api } = useApp();
  const queryClient = useQueryClient();
  const [seats, setSeats] = useState(1);
  const seatsId = useId();
  const book = useMutation({
    mutationFn: () =>
      call(
        api.POST("/experiences/{id}/bookings", {
          params: {
            path: { id: experience.id },
            header: { "idempotency-key": newIdempotencyKey() },
          },
          body: { seats },
        }),
      ),
    // Seats left changed, and the owner's own bookings list has one more.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.experiences(planId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.myBookings() }),
      ]),
  });
  const booked = book.data?.seats;
  return (
    <form
      className="row"
      onSubmit={(e) => {
        e.preventDefault();
        book.mutate();
      }}
    >
      <div className="field">
        <label htmlFor={seatsId}>{t("experiences.seats")}</label>
        <input
          id={seatsId}
          type="number"
          min={1}
          max={Math.max(1, experience.seatsLeft)}
          value={seats}
          onChange={(e) => setSeats(Math.max(1, Math.floor(Number(e.target.value) || 1)))}
        />
      </div>
      <button type="submit" disabled={book.isPending || experience.seatsLeft === 0}>
        {t("experiences.book")}
      </button>
      {booked !== undefined && (
        <p className="success">{t("experiences.booked", { seats: booked })}</p>
      )}
      <ErrorMessage error={book.error} />
    </form>
  );
};

/** A plan's experiences; owners book seats, its producer adds new ones and sees who booked. */
export const ExperiencesSection = ({
  planId,
  producerView = false,
}: {
  planId: string;
  producerView?: boolean;
}) => {
  const { t, lang } = useI18n();
  const { api, session } = useApp();
  const experiences = useQuery({
    queryKey: queryKeys.experiences(planId),
    queryFn: () => call(api.GET("/plans/{id}/experiences", { params: { path: { id: planId } } })),
  });
  return (
    <section className="card">
      <h2>{t("plan.experiences")}</h2>
      <QueryContent query={experiences}>
        {(page) =>
          page.items.length === 0 ? (
            <p className="muted">{t("experiences.empty")}</p>
          ) : (
            <ul className="list">
              {page.items.map((experience) => (
                <li key={experience.id}>
                  <strong>{experience.title}</strong>
                  <p className="muted">
                    {formatDateTime(lang, experience.startsAt)} ·{" "}
                    {t("experiences.seatsLeft", { seats: experience.seatsLeft })}
                  </p>
                  {session?.role === "owner" && (
                    <BookExperience planId={planId} experience={experience} />
                  )}
                  {producerView && <ExperienceBookings experienceId={experience.id} />}
                </li>
              ))}
            </ul>
          )
        }
      </QueryContent>
      {producerView && <NewExperience planId={planId} />}
    </section>
  );
};

const NewExperience = ({ planId }: { planId: string }) => {
  const { t } = useI18n();
  const { api } = useApp();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState("");
  const [startsAt, setStartsAt] = useState("");
  const [capacity, setCapacity] = useState(10);
  const ids = { title: useId(), startsAt: useId(), capacity: useId() };
  const create = useMutation({
    mutationFn: () =>
      call(
        api.POST("/plans/{id}/experiences", {
          params: { path: { id: planId } },
          body: { title, startsAt: new Date(startsAt).toISOString(), capacity },
        }),
      ),
    onSuccess: () => {
      setTitle("");
      return queryClient.invalidateQueries({ queryKey: queryKeys.experiences(planId) });
    },
  });
  return (
    <form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate();
      }}
    >
      <h3>{t("experiences.new")}</h3>
      <label htmlFor={ids.title}>{t("experiences.titleField")}</label>
      <input id={ids.title} required value={title} onChange={(e) => setTitle(e.target.value)} />
      <label htmlFor={ids.startsAt}>{t("experiences.startsAt")}</label>
      <input
        id={ids.startsAt}
        type="datetime-local"
        required
        value={startsAt}
        onChange={(e) => setStartsAt(e.target.value)}
      />
      <label htmlFor={ids.capacity}>{t("experiences.capacity")}</label>
      <input
        id={ids.capacity}
        type="number"
        min={1}
        value={capacity}
        onChange={(e) => setCapacity(Number(e.target.value))}
      />
      <button type="submit" disabled={create.isPending}>
        {t("experiences.new")}
      </button>
      <ErrorMessage error={create.error} />
    </form>
  );
};
