import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { call } from "../../api/client";
import { useApp } from "../../app-context";
import { Field, SelectField } from "../../components/field";
import { QueryContent } from "../../components/query-content";
import { useI18n } from "../../i18n/i18n";
import { queryKeys } from "../../queries/query-keys";
import { CATEGORIES } from "../../vocabulary";
import { PhotoImage } from "../photo";

/** `/producers`: approved producers, filtered by prefecture and category (the API's one query). */
export const ProducerListPage = () => {
  const { t } = useI18n();
  const { api } = useApp();
  const [prefecture, setPrefecture] = useState("");
  const [category, setCategory] = useState("");
  const filters = {
    ...(prefecture.trim() === "" ? {} : { prefecture: prefecture.trim() }),
    ...(category === "" ? {} : { category }),
  };
  const list = useQuery({
    queryKey: queryKeys.producers(filters),
    queryFn: () => call(api.GET("/producers", { params: { query: { ...filters, limit: 50 } } })),
  });
  return (
    <section>
      <h1>{t("people.producers")}</h1>
      <form
        className="filters"
        aria-label={t("plans.filters")}
        onSubmit={(e) => e.preventDefault()}
      >
        <Field label={t("people.prefecture")} value={prefecture} onChange={setPrefecture} />
        <SelectField
          label={t("plans.category")}
          value={category}
          options={[
            { value: "", label: t("plans.any") },
            ...CATEGORIES.map((c) => ({ value: c as string, label: t(`category.${c}`) })),
          ]}
          onChange={setCategory}
        />
      </form>
      <QueryContent query={list}>
        {(page) =>
          page.producers.length === 0 ? (
            <p className="muted">{t("people.noProducers")}</p>
          ) : (
            <ul className="plan-grid">
              {page.producers.map((p) => (
                <li key={p.id} className="plan-card">
                  <Link to={`/producers/${p.id}`} className="plan-card-link">
                    {p.coverPhotoUrl !== null && <PhotoImage src={p.coverPhotoUrl} alt="" />}
                    <h2>{p.displayName}</h2>
                  </Link>
                  <p className="tags">
                    <span className="badge">{p.prefecture}</span>
                    {p.area !== null && <span className="badge">{p.area}</span>}
                  </p>
                  <p className="muted">{p.products.join("・")}</p>
                </li>
              ))}
            </ul>
          )
        }
      </QueryContent>
    </section>
  );
};
