import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { call } from "../../api/client";
import type { components } from "../../api/generated/schema";
import { useApp } from "../../app-context";
import { Field, SelectField } from "../../components/field";
import { ErrorMessage } from "../../components/problem-message";
import { QueryContent } from "../../components/query-content";
import { useI18n } from "../../i18n/i18n";
import { queryKeys } from "../../queries/query-keys";
import { labelOf, REGIONS } from "../../vocabulary";
import { DELIVERY_SLOTS, type DeliverySlot } from "./options";

type Delivery = components["schemas"]["OwnershipDelivery"];
type SavedAddress = components["schemas"]["SavedAddress"];

const GIFT_FIELDS = [
  "recipientName",
  "postalCode",
  "prefecture",
  "city",
  "line1",
  "phone",
] as const;
type GiftFields = Record<(typeof GIFT_FIELDS)[number], string>;
const EMPTY_GIFT: GiftFields = {
  recipientName: "",
  postalCode: "",
  prefecture: "",
  city: "",
  line1: "",
  phone: "",
};

/** "default", a saved address's id, or "gift": one radio group. */
const initialPick = (delivery: Delivery): string => {
  const choice = delivery.choice;
  if (choice?.kind === "saved" && choice.addressId !== undefined) return choice.addressId;
  if (choice?.kind === "gift") return "gift";
  return "default";
};

const Chooser = ({
  ownershipId,
  delivery,
  saved,
}: {
  ownershipId: string;
  delivery: Delivery;
  saved: readonly SavedAddress[];
}) => {
  const { t } = useI18n();
  const { api } = useApp();
  const queryClient = useQueryClient();
  const group = useId();
  const [pick, setPick] = useState(initialPick(delivery));
  const [slot, setSlot] = useState<DeliverySlot | "any">(delivery.choice?.slot ?? "any");
  const [gift, setGift] = useState<GiftFields>({ ...EMPTY_GIFT, ...delivery.choice?.address });
  const [giftRegion, setGiftRegion] = useState(delivery.choice?.region ?? "kanto");
  const [message, setMessage] = useState(delivery.choice?.message ?? "");
  const save = useMutation({
    mutationFn: () =>
      call(
        api.PUT("/ownerships/{id}/delivery", {
          params: { path: { id: ownershipId } },
          body: {
            destination:
              pick === "default"
                ? { kind: "default" }
                : pick === "gift"
                  ? { kind: "gift", address: gift, region: giftRegion, message }
                  : { kind: "saved", addressId: pick },
            ...(slot === "any" ? {} : { slot }),
          },
        }),
      ),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: ["ownership", ownershipId, "delivery"] }),
  });
  const { logistics } = delivery;
  return (
    <form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <fieldset>
        <legend>{t("delivery.where")}</legend>
        {[
          { value: "default", label: t("delivery.default") },
          ...saved.map((a) => ({
            value: a.id,
            label: `${a.label}: ${a.address.recipientName} ${a.address.prefecture}${a.address.city}`,
          })),
          { value: "gift", label: t("delivery.gift") },
        ].map((option) => (
          <label key={option.value} className="field checkbox">
            <input
              type="radio"
              name={group}
              value={option.value}
              checked={pick === option.value}
              onChange={() => setPick(option.value)}
            />{" "}
            {option.label}
          </label>
        ))}
      </fieldset>
      {pick === "gift" && (
        <fieldset data-testid="gift-address">
          <legend>{t("delivery.giftAddress")}</legend>
          <div className="grid">
            {GIFT_FIELDS.map((name) => (
              <Field
                key={name}
                label={t(`address.${name}`)}
                value={gift[name]}
                onChange={(value) => setGift({ ...gift, [name]: value })}
                required
              />
            ))}
            <SelectField
              label={t("delivery.region")}
              value={giftRegion}
              options={REGIONS.map((r) => ({ value: r, label: labelOf(t, "region", r) }))}
              onChange={setGiftRegion}
            />
          </div>
          <Field
            label={t("delivery.message")}
            value={message}
            onChange={setMessage}
            hint={t("delivery.messageHint")}
          />
        </fieldset>
      )}
      {logistics?.slotsAllowed === true && (
        <SelectField<DeliverySlot | "any">
          label={t("delivery.slot")}
          value={slot}
          options={[
            { value: "any", label: t("delivery.anyTime") },
            ...DELIVERY_SLOTS.map((s) => ({ value: s, label: t(`logistics.slot.${s}`) })),
          ]}
          onChange={setSlot}
        />
      )}
      <button type="submit" disabled={save.isPending}>
        {t("delivery.save")}
      </button>
      {save.isSuccess && (
        <p className="notice" role="status">
          {t("delivery.saved")}
        </p>
      )}
      <ErrorMessage error={save.error} />
    </form>
  );
};

/**
 * Where this ownership's boxes go: the owner's default address, one of its saved addresses, or
 * a gift address with a message; and the delivery time slot where the plan offers slots.
 */
export const DeliveryChoiceSection = ({ ownershipId }: { ownershipId: string }) => {
  const { t } = useI18n();
  const { api } = useApp();
  const delivery = useQuery({
    queryKey: ["ownership", ownershipId, "delivery"],
    queryFn: () =>
      call(api.GET("/ownerships/{id}/delivery", { params: { path: { id: ownershipId } } })),
  });
  const addresses = useQuery({
    queryKey: queryKeys.myAddresses(),
    queryFn: () => call(api.GET("/me/addresses")),
  });
  return (
    <section className="delivery-choice" data-testid="delivery-choice">
      <h3>{t("delivery.title")}</h3>
      <QueryContent query={delivery}>
        {(loaded) => (
          <QueryContent query={addresses}>
            {(book) => (
              // An answer without a list (an older API) offers the default and a gift only.
              <Chooser ownershipId={ownershipId} delivery={loaded} saved={book.addresses ?? []} />
            )}
          </QueryContent>
        )}
      </QueryContent>
    </section>
  );
};
