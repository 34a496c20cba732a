import { Link } from "react-router";
import type { ProducerCard as Card } from "../../api/types";
import { useI18n } from "../../i18n/i18n";

/** Who grows it: the producer's name and prefecture, linking to its public page. */
export const ProducerCard = ({ producer }: { producer: Card | null }) => {
  const { t } = useI18n();
  if (producer === null) return null;
  return (
    <aside className="card producer-card" aria-label={t("people.producer")}>
      <p className="muted">{t("people.grownBy")}</p>
      <p>
        <Link to={`/producers/${producer.id}`} className="producer-name">
          {producer.displayName}
        </Link>{" "}
        <span className="badge">{producer.prefecture}</span>
      </p>
    </aside>
  );
};
