import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { call } from "../../api/client";
import type { SavedAddress } from "../../api/types";
import { useApp } from "../../app-context";
import { Field, SelectField } from "../../components/field";
import { ErrorMessage } from "../../components/problem-message";
import { QueryContent } from "../../components/query-content";
import { useI18n } from "../../i18n/i18n";
import { queryKeys } from "../../queries/query-keys";
import { labelOf, REGIONS } from "../../vocabulary";

const FIELDS = ["recipientName", "postalCode", "prefecture", "city", "line1", "phone"] as const;
type AddressFields = Record<(typeof FIELDS)[number], string>;
const EMPTY: AddressFields = {
  recipientName: "",
  postalCode: "",
  prefecture: "",
  city: "",
  line1: "",
  phone: "",
};

const NewAddressForm = ({ version }: { version: number }) => {
  const { t } = useI18n();
  const { api } = useApp();
  const queryClient = useQueryClient();
  const [label, setLabel] = useState("");
  const [address, setAddress] = useState<AddressFields>(EMPTY);
  const [region, setRegion] = useState<string>(REGIONS[0]);
  const add = useMutation({
    mutationFn: () =>
      call(
        api.POST("/me/addresses", { body: { label, address, region, expectedVersion: version } }),
      ),
    onSuccess: () => {
      setLabel("");
      setAddress(EMPTY);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.myAddresses() }),
        queryClient.invalidateQueries({ queryKey: queryKeys.myAddress() }),
      ]);
    },
  });
  return (
    <form
      className="stack"
      aria-label={t("settings.addAddress")}
      onSubmit={(e) => {
        e.preventDefault();
        add.mutate();
      }}
    >
      <Field label={t("settings.addressLabel")} value={label} required onChange={setLabel} />
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
          options={REGIONS.map((r) => ({ value: r as string, label: t(`region.${r}`) }))}
          onChange={setRegion}
        />
      </div>
      <button type="submit" disabled={add.isPending}>
        {t("settings.addAddress")}
      </button>
      <ErrorMessage error={add.error} />
    </form>
  );
};

const AddressRow = ({ saved, version }: { saved: SavedAddress; version: number }) => {
  const { t } = useI18n();
  const { api } = useApp();
  const queryClient = useQueryClient();
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.myAddresses() }),
      queryClient.invalidateQueries({ queryKey: queryKeys.myAddress() }),
    ]);
  const params = { params: { path: { id: saved.id } } };
  const makeDefault = useMutation({
    mutationFn: () =>
      call(
        api.PUT("/me/addresses/{id}", {
          ...params,
          body: {
            label: saved.label,
            address: saved.address,
            region: saved.region,
            makeDefault: true,
            expectedVersion: version,
          },
        }),
      ),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: () => call(api.DELETE("/me/addresses/{id}", params)),
    onSuccess: refresh,
  });
  const a = saved.address;
  return (
    <li>
      <strong>{saved.label}</strong>{" "}
      {saved.isDefault && <span className="badge">{t("settings.defaultAddress")}</span>}
      <p className="muted">
        {a.recipientName} · 〒{a.postalCode} {a.prefecture}
        {a.city}
        {a.line1} · {labelOf(t, "region", saved.region)}
      </p>
      {!saved.isDefault && (
        <button type="button" onClick={() => makeDefault.mutate()} disabled={makeDefault.isPending}>
          {t("settings.makeDefault")}
        </button>
      )}{" "}
      <button type="button" onClick={() => remove.mutate()} disabled={remove.isPending}>
        {t("settings.removeAddress")}
      </button>
      <ErrorMessage error={makeDefault.error ?? remove.error} />
    </li>
  );
};

/** Saved addresses: add, make one the default shipping address, remove (each change audited). */
export const AddressesSection = () => {
  const { t } = useI18n();
  const { api } = useApp();
  const addresses = useQuery({
    queryKey: queryKeys.myAddresses(),
    queryFn: () => call(api.GET("/me/addresses")),
  });
  return (
    <section className="card" aria-labelledby="settings-addresses">
      <h2 id="settings-addresses">{t("settings.addresses")}</h2>
      <QueryContent query={addresses}>
        {(mine) => (
          <>
            {mine.addresses.length === 0 ? (
              <p className="muted">{t("settings.noAddresses")}</p>
            ) : (
              <ul className="list">
                {mine.addresses.map((saved) => (
                  <AddressRow key={saved.id} saved={saved} version={mine.version} />
                ))}
              </ul>
            )}
            <NewAddressForm version={mine.version} />
          </>
        )}
      </QueryContent>
    </section>
  );
};
