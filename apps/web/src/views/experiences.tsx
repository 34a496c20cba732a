import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useRef, useState } from "react";
import { call } from "../api/client";
import { browser } from "../api/payments";
import { problemFromError } from "../api/problem";
import type { Experience } from "../api/types";
import { useApp } from "../app-context";
import { ErrorMessage } from "../components/problem-message";
import { QueryContent } from "../components/query-content";
import { formatDateTime, formatYen } from "../format";
import { useI18n } from "../i18n/i18n";
import { isRetryable, newIdempotencyKey } from "../idempotency";
import { queryKeys } from "../queries/query-keys";
import { ExperienceBookings } from "./producer/experience-bookings";

/**
 * An owner books seats. One Idempotency-Key per booking attempt: a retry after a lost answer
 * (network, 5xx) with the same seats sends the same key, so the API answers with the same booking
 * instead of taking seats twice; a refusal or a success ends the attempt.
 */
const BookExperience = ({
  planId,
  experience,
  seatsPerOwner,
}: {
  planId: string;
  experience: Experience;
  seatsPerOwner?: number | undefined;
}) => {
  const { t } = useI18n();
  const { api } = useApp();
  const queryClient = useQueryClient();
  const [seats, setSeats] = useState(1);
  const seatsId = useId();
  const attempt = useRef<{ key: string; seats: number } | undefined>(undefined);
  const paid = (experience.priceYenPerSeat ?? 0) > 0;
  const book = useMutation({
    mutationFn: (key: string) =>
      call(
        api.POST("/experiences/{id}/bookings", {
          params: { path: { id: experience.id }, header: { "idempotency-key": key } },
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
  const submit = () => {
    if (attempt.current?.seats !== seats) attempt.current = { key: newIdempotencyKey(), seats };
    book.mutate(attempt.current.key, {
      onSuccess: (booking) => {
        attempt.current = undefined;
        // A paid experience's seats are held while the owner pays on the processor's page.
        const checkoutUrl = booking.payment?.checkoutUrl;
        if (booking.status === "pending_payment" && checkoutUrl) browser.assign(checkoutUrl);
      },
      onError: (error) => {
        if (!isRetryable(problemFromError(error).status)) attempt.current = undefined;
      },
    });
  };
  const booked = book.data?.seats;
  const problem = book.error == null ? undefined : problemFromError(book.error);
  return (
    <form
      className="row"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <div className="field">
        <label htmlFor={seatsId}>{t("experiences.seats")}</label>
        <input
          id={seatsId}
          type="number"
          min={1}
          max={Math.max(1, Math.min(experience.seatsLeft, seatsPerOwner ?? experience.seatsLeft))}
          value={seats}
          onChange={(e) => setSeats(Math.max(1, Math.floor(Number(e.target.value) || 1)))}
        />
      </div>
      <button type="submit" disabled={book.isPending || experience.seatsLeft === 0}>
        {paid ? t("experiences.bookAndPay") : t("experiences.book")}
      </button>
      {booked !== undefined && book.isSuccess && (
        <p className="success">
          {book.data?.status === "pending_payment"
            ? t("experiences.toCheckout")
            : t("experiences.booked", { seats: booked })}
        </p>
      )}
      {problem?.code === "EXPERIENCE.OWNER_LIMIT" && seatsPerOwner !== undefined ? (
        <p className="problem" role="alert">
          {t("experiences.ownerLimit", { limit: seatsPerOwner })}
        </p>
      ) : problem?.code === "EXPERIENCE.NOT_OWNER" ? (
        <p className="problem" role="alert">
          {t("experiences.notOwner")}
        </p>
      ) : (
        <ErrorMessage error={book.error} />
      )}
    </form>
  );
};

/** A plan's experiences; owners book seats, its producer adds new ones and sees who booked. */
export const ExperiencesSection = ({
  planId,
  producerView = false,
  seatsPerOwner,
}: {
  planId: string;
  producerView?: boolean;
  /** The plan's per-owner seat limit, shown with each experience. */
  seatsPerOwner?: number | undefined;
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
                    {seatsPerOwner !== undefined &&
                      ` · ${t("experiences.seatsPerOwner", { limit: seatsPerOwner })}`}
                    {" · "}
                    <span className="experience-price">
                      {experience.priceYenPerSeat === undefined
                        ? t("experiences.free")
                        : t("experiences.price", {
                            price: formatYen(lang, experience.priceYenPerSeat),
                          })}
                    </span>
                  </p>
                  {experience.location !== undefined && (
                    <p className="experience-location">
                      {t("experiences.location")}: {experience.location}
                    </p>
                  )}
                  {session?.role === "owner" && (
                    <BookExperience
                      planId={planId}
                      experience={experience}
                      seatsPerOwner={seatsPerOwner}
                    />
                  )}
                  {producerView && <EditLocation planId={planId} experience={experience} />}
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

/** Its producer changes the meeting point (empty removes it); owners see the new one. */
const EditLocation = ({ planId, experience }: { planId: string; experience: Experience }) => {
  const { t } = useI18n();
  const { api } = useApp();
  const queryClient = useQueryClient();
  const [location, setLocation] = useState(experience.location ?? "");
  const id = useId();
  const save = useMutation({
    mutationFn: () =>
      call(
        api.PATCH("/experiences/{id}", {
          params: { path: { id: experience.id } },
          body: { location: location.trim() },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.experiences(planId) }),
  });
  return (
    <form
      className="row"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <div className="field">
        <label htmlFor={id}>{t("experiences.location")}</label>
        <input
          id={id}
          maxLength={200}
          value={location}
          onChange={(e) => setLocation(e.target.value)}
        />
      </div>
      <button type="submit" disabled={save.isPending}>
        {t("experiences.saveLocation")}
      </button>
      {save.isSuccess && <p className="success">{t("experiences.locationSaved")}</p>}
      <ErrorMessage error={save.error} />
    </form>
  );
};

const NewExperience = ({ planId }: { planId: string }) => {
  const { t } = useI18n();
  const { api } = useApp();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState("");
  const [startsAt, setStartsAt] = useState("");
  const [capacity, setCapacity] = useState(10);
  const [location, setLocation] = useState("");
  const [price, setPrice] = useState(0);
  const ids = {
    title: useId(),
    startsAt: useId(),
    capacity: useId(),
    location: useId(),
    price: useId(),
  };
  const create = useMutation({
    mutationFn: () =>
      call(
        api.POST("/plans/{id}/experiences", {
          params: { path: { id: planId } },
          body: {
            title,
            startsAt: new Date(startsAt).toISOString(),
            capacity,
            ...(location.trim() === "" ? {} : { location: location.trim() }),
            ...(price > 0 ? { priceYenPerSeat: price } : {}),
          },
        }),
      ),
    onSuccess: () => {
      setTitle("");
      setLocation("");
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
      <label htmlFor={ids.location}>{t("experiences.locationField")}</label>
      <input
        id={ids.location}
        maxLength={200}
        value={location}
        onChange={(e) => setLocation(e.target.value)}
      />
      <label htmlFor={ids.price}>{t("experiences.priceField")}</label>
      <input
        id={ids.price}
        type="number"
        min={0}
        max={100_000}
        step={1}
        value={price}
        onChange={(e) => setPrice(Math.max(0, Math.floor(Number(e.target.value) || 0)))}
      />
      <button type="submit" disabled={create.isPending}>
        {t("experiences.new")}
      </button>
      <ErrorMessage error={create.error} />
    </form>
  );
};
