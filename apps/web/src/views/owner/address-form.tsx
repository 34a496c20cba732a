import { useState } from "react";
import { call } from "../../api/client";
import { useApp } from "../../app-context";
import { Field, SelectField } from "../../components/field";
import { Load } from "../../components/loading";
import { ProblemMessage } from "../../components/problem-message";
import { useI18n } from "../../i18n/i18n";
import { useAction } from "../../use-action";
import { useLoad } from "../../use-load";
import { REGIONS } from "../../vocabulary";

interface AddressFields {
  recipientName: string;
  postalCode: string;
  prefecture: string;
  city: string;
  line1: string;
  phone: string;
}

const FIELDS = ["recipientName", "postalCode", "prefecture", "city", "line1", "phone"] as const;

const AddressEditor = ({
  initial,
  region: initialRegion,
  version,
}: {
  initial: AddressFields;
  region: string;
  version: number;
}) => {
  const { t } = useI18n();
  const { api } = useApp();
  const [address, setAddress] = useState(initial);
  const [region, setRegion] = useState(initialRegion);
  const [expectedVersion, setExpectedVersion] = useState(version);
  const [saved, setSaved] = useState(false);
  const save = useAction(async () => {
    const answer = await call(
      api.PUT("/me/address", { body: { address, region, expectedVersion } }),
    );
    setExpectedVersion(answer.version);
    setSaved(true);
  });
  return (
    <form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(false);
        void save.start();
      }}
    >
      <div className="grid">
        {FIELDS.map((name) => (
          <Field
            key={name}
            label={t(`address.${name}`)}
            value={address[name]}
            required
            onChange={(value) => setAddress((a) => ({ ...a, [name]: value }))}
          />
        ))}
        <SelectField
          label={t("address.region")}
          value={region}
          options={REGIONS.map((r) => ({ value: r, label: t(`region.${r}`) }))}
          onChange={setRegion}
        />
      </div>
      <button type="submit" disabled={save.pending}>
        {t("common.save")}
      </button>
      {saved && <p className="success">{t("address.saved")}</p>}
      {save.problem && <ProblemMessage problem={save.problem} />}
    </form>
  );
};

/** The owner's shipping address (snapshotted on each shipment when it is scheduled). */
export const AddressSection = () => {
  const { t } = useI18n();
  const { api } = useApp();
  const [loaded] = useLoad(() => call(api.GET("/me/address")), [api]);
  return (
    <details className="card">
      <summary>{t("address.title")}</summary>
      <p className="muted">{t("address.intro")}</p>
      <Load loaded={loaded}>
        {(mine) => (
          <AddressEditor
            initial={{
              recipientName: mine.address?.recipientName ?? "",
              postalCode: mine.address?.postalCode ?? "",
              prefecture: mine.address?.prefecture ?? "",
              city: mine.address?.city ?? "",
              line1: mine.address?.line1 ?? "",
              phone: mine.address?.phone ?? "",
            }}
            region={mine.region ?? "kanto"}
            version={mine.version}
          />
        )}
      </Load>
    </details>
  );
};
