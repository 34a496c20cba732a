import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useNavigate, useParams } from "react-router";
import { call } from "../../api/client";
import type { Plan, RiskTerms } from "../../api/types";
import { useApp } from "../../app-context";
import { Field, SelectField } from "../../components/field";
import { ErrorMessage } from "../../components/problem-message";
import { QueryContent } from "../../components/query-content";
import { useI18n } from "../../i18n/i18n";
import { queryKeys } from "../../queries/query-keys";
import { usePlan } from "../../queries/use-plan";
import { CATEGORIES, labelOf, REGIONS } from "../../vocabulary";
import {
  changedFields,
  emptyPlanForm,
  formToRequest,
  type PlanForm,
  planToForm,
} from "./plan-form-model";

const PlanFormView = ({ plan: shown }: { plan?: Plan }) => {
  const { t } = useI18n();
  const { api } = useApp();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  // The plan as the form opened it, though the cache may refetch it meanwhile: the PATCH sends
  // what changed since then, with its version, so someone else's edit is a conflict, not lost.
  const [plan] = useState(shown);
  const [form, setForm] = useState<PlanForm>(() => (plan ? planToForm(plan) : emptyPlanForm()));
  const frozen = plan !== undefined && plan.status !== "draft";
  const set = (patch: Partial<PlanForm>) => setForm((f) => ({ ...f, ...patch }));
  const text = (key: keyof PlanForm & string) => (value: string) => set({ [key]: value });
  const save = useMutation({
    mutationFn: () => {
      const request = formToRequest(form);
      return plan === undefined
        ? call(api.POST("/plans", { body: request }))
        : call(
            api.PATCH("/plans/{id}", {
              params: { path: { id: plan.id }, header: { "if-match": `"${plan.version}"` } },
              body: changedFields(formToRequest(planToForm(plan)), request),
            }),
          );
    },
    onSuccess: (saved) => {
      // The answer is the plan as saved: its page shows it at once, no stale price first.
      queryClient.setQueryData(queryKeys.plan(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: queryKeys.quotes(saved.id) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.planLists() });
      navigate(`/producer/plans/${saved.id}`);
    },
  });
  return (
    <form
      className="card stack plan-form"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <h1>{plan === undefined ? t("form.newTitle") : t("form.editTitle")}</h1>
      {frozen && <p className="notice">{t("form.frozenNote")}</p>}
      <Field label={t("form.title")} value={form.title} onChange={text("title")} required />
      <Field
        label={t("form.description")}
        value={form.description}
        onChange={text("description")}
        multiline
        required
      />
      <div className="grid">
        <SelectField
          label={t("form.category")}
          value={form.category}
          disabled={frozen}
          options={CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))}
          onChange={text("category")}
        />
        <SelectField
          label={t("form.region")}
          value={form.region}
          disabled={frozen}
          options={REGIONS.map((r) => ({ value: r, label: t(`region.${r}`) }))}
          onChange={text("region")}
        />
        <Field
          label={t("form.unitLabel")}
          value={form.unitLabel}
          onChange={text("unitLabel")}
          disabled={frozen}
          required
        />
        <Field
          label={t("form.unitsPerShare")}
          type="number"
          min={1}
          value={form.unitsPerShare}
          onChange={text("unitsPerShare")}
          disabled={frozen}
          required
        />
        <Field
          label={t("form.totalShares")}
          type="number"
          min={1}
          value={form.totalShares}
          onChange={text("totalShares")}
          disabled={frozen}
          required
        />
        <Field
          label={t("form.maxSharesPerOwner")}
          type="number"
          min={1}
          value={form.maxSharesPerOwner}
          onChange={text("maxSharesPerOwner")}
          disabled={frozen}
          required
        />
        <Field
          label={t("form.priceYen")}
          type="number"
          min={0}
          value={form.priceYen}
          onChange={text("priceYen")}
          required
        />
        <Field
          label={t("form.salesOpenAt")}
          type="datetime-local"
          value={form.salesOpenAt}
          onChange={text("salesOpenAt")}
          disabled={frozen}
          required
        />
        <Field
          label={t("form.returningOwnersOpenAt")}
          type="datetime-local"
          value={form.returningOwnersOpenAt}
          onChange={text("returningOwnersOpenAt")}
          disabled={frozen}
        />
        <Field
          label={t("form.salesCloseAt")}
          type="datetime-local"
          value={form.salesCloseAt}
          onChange={text("salesCloseAt")}
          disabled={frozen}
          required
        />
        <Field
          label={t("form.cancellationDeadline")}
          type="datetime-local"
          value={form.cancellationDeadline}
          onChange={text("cancellationDeadline")}
          disabled={frozen}
        />
        <Field
          label={t("form.deliveryFrom")}
          type="date"
          value={form.deliveryFrom}
          onChange={text("deliveryFrom")}
          disabled={frozen}
          required
        />
        <Field
          label={t("form.deliveryTo")}
          type="date"
          value={form.deliveryTo}
          onChange={text("deliveryTo")}
          disabled={frozen}
          required
        />
        <SelectField<RiskTerms>
          label={t("form.riskTerms")}
          value={form.riskTerms}
          disabled={frozen}
          options={(["refund", "credit", "shared"] as const).map((r) => ({
            value: r,
            label: t(`form.risk.${r}`),
          }))}
          onChange={(riskTerms) => set({ riskTerms })}
        />
        <Field
          label={t("form.shipCapacityPerDay")}
          type="number"
          min={1}
          value={form.shipCapacityPerDay}
          onChange={text("shipCapacityPerDay")}
          required
        />
        <Field
          label={t("form.surplusBonusCapUnits")}
          type="number"
          min={0}
          value={form.surplusBonusCapUnits}
          onChange={text("surplusBonusCapUnits")}
          disabled={frozen}
        />
        <Field
          label={t("form.experienceSeatsPerOwner")}
          type="number"
          min={1}
          value={form.experienceSeatsPerOwner}
          onChange={text("experienceSeatsPerOwner")}
          required
        />
      </div>
      <fieldset>
        <legend>{t("form.tiers")}</legend>
        <div className="grid">
          <Field
            label={t("form.earlyBirdUntil")}
            type="datetime-local"
            value={form.earlyBirdUntil}
            onChange={text("earlyBirdUntil")}
          />
          <Field
            label={t("form.earlyBirdPrice")}
            type="number"
            min={0}
            value={form.earlyBirdPrice}
            onChange={text("earlyBirdPrice")}
          />
          <Field
            label={t("form.firstCount")}
            type="number"
            min={1}
            value={form.firstCount}
            onChange={text("firstCount")}
          />
          <Field
            label={t("form.firstPrice")}
            type="number"
            min={0}
            value={form.firstPrice}
            onChange={text("firstPrice")}
          />
        </div>
      </fieldset>
      <fieldset>
        <legend>{t("form.surcharges")}</legend>
        <div className="grid compact">
          {REGIONS.map((r) => (
            <Field
              key={r}
              label={labelOf(t, "region", r)}
              type="number"
              min={0}
              value={form.surcharges[r] ?? ""}
              onChange={(yen) => set({ surcharges: { ...form.surcharges, [r]: yen } })}
            />
          ))}
        </div>
      </fieldset>
      <button type="submit" className="primary" disabled={save.isPending}>
        {plan === undefined ? t("form.create") : t("common.save")}
      </button>
      <ErrorMessage error={save.error} />
    </form>
  );
};

export const NewPlanPage = () => <PlanFormView />;

export const EditPlanPage = () => {
  const { id = "" } = useParams();
  const plan = usePlan(id);
  return <QueryContent query={plan}>{(loaded) => <PlanFormView plan={loaded} />}</QueryContent>;
};
