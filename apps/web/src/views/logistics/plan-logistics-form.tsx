import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { call } from "../../api/client";
import type { components } from "../../api/generated/schema";
import type { Plan } from "../../api/types";
import { useApp } from "../../app-context";
import { Field, SelectField } from "../../components/field";
import { ErrorMessage } from "../../components/problem-message";
import { QueryContent } from "../../components/query-content";
import { useI18n } from "../../i18n/i18n";
import { invalidatePlan } from "../../queries/plan-changed";
import { labelOf, REGIONS } from "../../vocabulary";
import { TEMPERATURES, type Temperature } from "./options";

type Logistics = components["schemas"]["PlanLogistics"];

const SENDER_FIELDS = [
  "name",
  "phone",
  "postalCode",
  "address",
  "billingCustomerCode",
  "freightManagementNumber",
] as const;
type SenderFields = Record<(typeof SENDER_FIELDS)[number], string>;

const EMPTY_SENDER: SenderFields = {
  name: "",
  phone: "",
  postalCode: "",
  address: "",
  billingCustomerCode: "",
  freightManagementNumber: "",
};

const LogisticsEditor = ({ plan, loaded }: { plan: Plan; loaded: Logistics }) => {
  const { t } = useI18n();
  const { api } = useApp();
  const queryClient = useQueryClient();
  const [shipFrom, setShipFrom] = useState(loaded.logistics.shipFromPrefecture);
  const [boxes, setBoxes] = useState(String(loaded.boxesPerDay));
  const [temperature, setTemperature] = useState<Temperature>(loaded.logistics.temperature);
  const [surcharge, setSurcharge] = useState(String(loaded.logistics.surchargeYenPerBox));
  const [slotsAllowed, setSlotsAllowed] = useState(loaded.logistics.slotsAllowed);
  // Every region, blank where the plan does not ship (a blank region is left out of the table).
  const [transit, setTransit] = useState<Record<string, string>>(
    Object.fromEntries(REGIONS.map((r) => [r, String(loaded.logistics.transitDays[r] ?? "")])),
  );
  const [sender, setSender] = useState<SenderFields>({
    ...EMPTY_SENDER,
    ...loaded.logistics.sender,
  });
  const [version, setVersion] = useState(loaded.planVersion);
  const save = useMutation({
    mutationFn: () => {
      const withSender = Object.values(sender).some((v) => v.trim() !== "");
      return call(
        api.PUT("/plans/{id}/logistics", {
          params: { path: { id: plan.id } },
          body: {
            shipFromPrefecture: shipFrom,
            boxesPerDay: Number(boxes),
            temperature,
            surchargeYenPerBox: Number(surcharge),
            slotsAllowed,
            transitDays: Object.fromEntries(
              Object.entries(transit)
                .filter(([, days]) => days.trim() !== "")
                .map(([region, days]) => [region, Number(days)]),
            ),
            ...(withSender ? { sender } : {}),
            expectedVersion: version,
          },
        }),
      );
    },
    onSuccess: (answer) => {
      setVersion(answer.planVersion);
      return invalidatePlan(queryClient, plan.id);
    },
  });
  return (
    <form
      className="stack"
      data-testid="plan-logistics"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <div className="grid">
        <Field
          label={t("logistics.shipFrom")}
          value={shipFrom}
          onChange={setShipFrom}
          hint={t("logistics.shipFromHint")}
          required
        />
        <Field
          label={t("logistics.boxesPerDay")}
          type="number"
          min={1}
          value={boxes}
          onChange={setBoxes}
          required
        />
        <SelectField
          label={t("logistics.temperature")}
          value={temperature}
          options={TEMPERATURES.map((value) => ({
            value,
            label: t(`logistics.temperature.${value}`),
          }))}
          onChange={(value) => {
            setTemperature(value);
            // Ambient boxes go without クール便: nothing to surcharge, so none is asked for.
            if (value === "ambient") setSurcharge("0");
          }}
        />
        <Field
          label={t("logistics.surcharge")}
          type="number"
          min={0}
          value={surcharge}
          onChange={setSurcharge}
          disabled={temperature === "ambient"}
          required
        />
      </div>
      <label className="field checkbox">
        <input
          type="checkbox"
          checked={slotsAllowed}
          onChange={(e) => setSlotsAllowed(e.target.checked)}
        />{" "}
        {t("logistics.slotsAllowed")}
      </label>
      <fieldset>
        <legend>{t("logistics.transitDays")}</legend>
        <p className="muted">{t("logistics.transitHint")}</p>
        <div className="grid">
          {REGIONS.map((region) => (
            <Field
              key={region}
              label={labelOf(t, "region", region)}
              type="number"
              min={0}
              max={14}
              value={transit[region] ?? ""}
              onChange={(days) => setTransit({ ...transit, [region]: days })}
            />
          ))}
        </div>
      </fieldset>
      <details>
        <summary>{t("logistics.sender")}</summary>
        <p className="muted">{t("logistics.senderHint")}</p>
        <div className="grid">
          {SENDER_FIELDS.map((name) => (
            <Field
              key={name}
              label={t(`logistics.sender.${name}`)}
              value={sender[name]}
              onChange={(value) => setSender({ ...sender, [name]: value })}
            />
          ))}
        </div>
      </details>
      <button type="submit" className="primary" disabled={save.isPending}>
        {t("logistics.save")}
      </button>
      {save.isSuccess && (
        <p className="notice" role="status">
          {t("logistics.saved")}
        </p>
      )}
      <ErrorMessage error={save.error} />
    </form>
  );
};

/**
 * The plan's logistics as its producer sets them: ship-from, boxes per day, temperature and its
 * surcharge, transit days by region, time slots, and the Yamato sender for the B2 label file.
 * Editable until the harvest is allocated (the shipping schedule is built from them).
 */
export const PlanLogisticsSection = ({ plan }: { plan: Plan }) => {
  const { t } = useI18n();
  const { api } = useApp();
  const logistics = useQuery({
    queryKey: ["plan", plan.id, "logistics"],
    queryFn: () => call(api.GET("/plans/{id}/logistics", { params: { path: { id: plan.id } } })),
  });
  const editable = plan.status === "draft" || plan.status === "open" || plan.status === "closed";
  return (
    <section className="card" aria-labelledby="plan-logistics-title">
      <h2 id="plan-logistics-title">{t("logistics.title")}</h2>
      {editable ? (
        <QueryContent query={logistics}>
          {(loaded) => <LogisticsEditor plan={plan} loaded={loaded} />}
        </QueryContent>
      ) : (
        <p className="muted">{t("logistics.fixed")}</p>
      )}
    </section>
  );
};
