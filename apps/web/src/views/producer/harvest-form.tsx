import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { call } from "../../api/client";
import type { HarvestLot, Plan } from "../../api/types";
import { useApp } from "../../app-context";
import { Field, SelectField } from "../../components/field";
import { ErrorMessage } from "../../components/problem-message";
import { useI18n } from "../../i18n/i18n";
import { newIdempotencyKey } from "../../idempotency";
import { queryKeys } from "../../queries/query-keys";
import { japanDay } from "./plan-form-model";

/** Records one harvest lot (after sales close); each submission is its own idempotent request. */
export const HarvestForm = ({ plan }: { plan: Plan }) => {
  const { t } = useI18n();
  const { api } = useApp();
  const queryClient = useQueryClient();
  const [quantity, setQuantity] = useState("");
  const [grade, setGrade] = useState<"standard" | "offspec">("standard");
  const [readyOn, setReadyOn] = useState(() => japanDay(Date.now() + 86_400_000));
  const [bestBefore, setBestBefore] = useState(() => japanDay(Date.now() + 10 * 86_400_000));
  const [done, setDone] = useState<HarvestLot | undefined>(undefined);
  const record = useMutation({
    mutationFn: () =>
      call(
        api.POST("/plans/{id}/harvests", {
          params: { path: { id: plan.id }, header: { "idempotency-key": newIdempotencyKey() } },
          body: { quantity: Math.trunc(Number(quantity)), grade, readyOn, bestBefore },
        }),
      ),
    onSuccess: (lot) => {
      setDone(lot);
      setQuantity("");
      // The new lot waits in the list of lots; allocations change only when the batch runs.
      return queryClient.invalidateQueries({ queryKey: queryKeys.harvests(plan.id) });
    },
  });
  return (
    <form
      className="card stack"
      onSubmit={(e) => {
        e.preventDefault();
        record.mutate();
      }}
    >
      <h2>{t("producer.harvest")}</h2>
      <div className="grid">
        <Field
          label={t("producer.quantity", { unit: plan.unitLabel })}
          type="number"
          min={1}
          value={quantity}
          onChange={setQuantity}
          required
        />
        <SelectField
          label={t("producer.grade")}
          value={grade}
          options={(["standard", "offspec"] as const).map((g) => ({
            value: g,
            label: t(`grade.${g}`),
          }))}
          onChange={setGrade}
        />
        <Field
          label={t("producer.readyOn")}
          type="date"
          value={readyOn}
          onChange={setReadyOn}
          required
        />
        <Field
          label={t("producer.bestBefore")}
          type="date"
          value={bestBefore}
          onChange={setBestBefore}
          required
        />
      </div>
      <button type="submit" disabled={record.isPending}>
        {t("producer.recordLot")}
      </button>
      {done && (
        <p className="success" role="status">
          {t("producer.lotRecorded", { quantity: done.quantity, unit: plan.unitLabel })}
        </p>
      )}
      <ErrorMessage error={record.error} />
    </form>
  );
};
