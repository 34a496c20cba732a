import { useId, useState } from "react";
import { call } from "../api/client";
import type { Experience } from "../api/types";
import { useApp } from "../app-context";
import { Load } from "../components/loading";
import { ProblemMessage } from "../components/problem-message";
import { formatDateTime } from "../format";
import { useI18n } from "../i18n/i18n";
import { newIdempotencyKey } from "../idempotency";
import { useAction } from "../use-action";
import { useLoad } from "../use-load";

const BookExperience = ({
  experience,
  onBooked,
}: {
  experience: Experience;
  onBooked: () => void;
}) => {
  const { t } = useI18n();
  const { api } = useApp();
  const [seats, setSeats] = useState(1);
  const [booked, setBooked] = useState<number | undefined>(undefined);
  const seatsId = useId();
  const book = useAction(async () => {
    const booking = await call(
      api.POST("/experiences/{id}/bookings", {
        params: { path: { id: experience.id }, header: { "idempotency-key": newIdempotencyKey() } },
        body: { seats },
      }),
    );
    setBooked(booking.seats);
    onBooked();
  });
  return (
    <form
      className="row"
      onSubmit={(e) => {
        e.preventDefault();
        void book.start();
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
      <button type="submit" disabled={book.pending || experience.seatsLeft === 0}>
        {t("experiences.book")}
      </button>
      {booked !== undefined && (
        <p className="success">{t("experiences.booked", { seats: booked })}</p>
      )}
      {book.problem && <ProblemMessage problem={book.problem} />}
    </form>
  );
};

/** A plan's experiences; owners book seats, its producer adds new ones. */
export const ExperiencesSection = ({
  planId,
  producerView = false,
}: {
  planId: string;
  producerView?: boolean;
}) => {
  const { t, lang } = useI18n();
  const { api, session } = useApp();
  const [loaded, reload] = useLoad(
    () => call(api.GET("/plans/{id}/experiences", { params: { path: { id: planId } } })),
    [api, planId],
  );
  return (
    <section className="card">
      <h2>{t("plan.experiences")}</h2>
      <Load loaded={loaded}>
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
                    <BookExperience experience={experience} onBooked={reload} />
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </Load>
      {producerView && <NewExperience planId={planId} onCreated={reload} />}
    </section>
  );
};

const NewExperience = ({ planId, onCreated }: { planId: string; onCreated: () => void }) => {
  const { t } = useI18n();
  const { api } = useApp();
  const [title, setTitle] = useState("");
  const [startsAt, setStartsAt] = useState("");
  const [capacity, setCapacity] = useState(10);
  const ids = { title: useId(), startsAt: useId(), capacity: useId() };
  const create = useAction(async () => {
    await call(
      api.POST("/plans/{id}/experiences", {
        params: { path: { id: planId } },
        body: { title, startsAt: new Date(startsAt).toISOString(), capacity },
      }),
    );
    setTitle("");
    onCreated();
  });
  return (
    <form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        void create.start();
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
      <button type="submit" disabled={create.pending}>
        {t("experiences.new")}
      </button>
      {create.problem && <ProblemMessage problem={create.problem} />}
    </form>
  );
};
