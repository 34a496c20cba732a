import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { call } from "../../api/client";
import { useApp } from "../../app-context";
import { Field, SelectField } from "../../components/field";
import { ErrorMessage } from "../../components/problem-message";
import { QueryContent } from "../../components/query-content";
import { useI18n } from "../../i18n/i18n";
import { queryKeys } from "../../queries/query-keys";
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
  const queryClient = useQueryClient();
  const [address, setAddress] = useState(initial);
  const [region, setRegion] = useState(initialRegion);
  // The form keeps what the person typed; only the version moves on with each save.
  const [expectedVersion, setExpectedVersion] = useState(version);
  const save = useMutation({
    mutationFn: () => call(api.PUT("/me/address", { body: { address, region, expectedVersion } })),
    onSuccess: (answer) => {
      setExpectedVersion(answer.version);
      return queryClient.invalidateQueries({ queryKey: queryKeys.myAddress() });
    },
  });
  return (
    <form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
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
      <button type="submit" disabled={save.isPending}>
        {t("common.save")}
      </button>
      {save.isSuccess && <p className="success">{t("address.saved")}</p>}
      <ErrorMessage error={save.error} />
    </form>
  );
};

/** The owner's shipping address (snapshotted on each shipment when it is scheduled). */
export const AddressSection = () => {
  const { t } = useI18n();
  const { api } = useApp();
  const mine = useQuery({
    queryKey: queryKeys.myAddress(),
    queryFn: () => call(api.GET("/me/address")),
  });
  return (
    <details className="card">
      <summary>{t("address.title")}</summary>
      <p className="muted">{t("address.intro")}</p>
      <QueryContent query={mine}>
        {(saved) => (
          <AddressEditor
            initial={{
              recipientName: saved.address?.recipientName ?? "",
              postalCode: saved.address?.postalCode ?? "",
              prefecture: saved.address?.prefecture ?? "",
              city: saved.address?.city ?? "",
              line1: saved.address?.line1 ?? "",
              phone: saved.address?.phone ?? "",
            }}
            region={saved.region ?? "kanto"}
            version={saved.version}
          />
        )}
      </QueryContent>
    </details>
  );
};
