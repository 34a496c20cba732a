import type { OwnerId, PlanId } from "../shared/ids.ts";
import type { Instant, LocalDate } from "../shared/time.ts";
import { CARRIER_NAMES_JA, type Carrier, trackingUrl } from "../shipping/carriers.ts";
import type { ParcelId } from "../shipping/parcel-id.ts";
import { type OutboxMessage, outboxMessage } from "./outbox.ts";

interface ParcelEnvelope {
  /** This message's id, from the IdGenerator. */
  readonly id: string;
  readonly recipientId: OwnerId;
  readonly at: Instant;
  readonly plan: { readonly id: PlanId; readonly title: string };
  readonly parcelId: ParcelId;
  readonly boxes: number;
}

const CARRIER_NAMES_EN: Readonly<Record<Carrier, string>> = {
  yamato: "Yamato Transport",
  sagawa: "Sagawa Express",
  japanpost: "Japan Post",
  other: "the carrier",
};

/** A parcel left with a carrier: the owner gets its tracking number and, when known, link. */
export const parcelShippedMessage = (
  input: ParcelEnvelope & {
    readonly carrier: Carrier;
    readonly trackingNumber: string;
    readonly arriveBy: LocalDate;
  },
): OutboxMessage => {
  const url = trackingUrl(input.carrier, input.trackingNumber);
  return outboxMessage({
    id: input.id,
    recipientId: input.recipientId,
    kind: "parcel-shipped",
    subject: `${input.plan.title} is on its way`,
    body: `${input.boxes} box(es) of "${input.plan.title}" left with ${CARRIER_NAMES_EN[input.carrier]} (tracking number ${input.trackingNumber}) and should arrive by ${input.arriveBy}.${url === undefined ? "" : ` Track it: ${url}`}`,
    params: {
      planId: input.plan.id,
      planTitle: input.plan.title,
      parcelId: input.parcelId,
      boxes: input.boxes,
      carrier: input.carrier,
      carrierNameJa: CARRIER_NAMES_JA[input.carrier],
      carrierNameEn: CARRIER_NAMES_EN[input.carrier],
      trackingNumber: input.trackingNumber,
      arriveBy: input.arriveBy,
      ...(url === undefined ? {} : { trackingUrl: url }),
    },
    at: input.at,
    dedupeKey: ["parcel-shipped", input.parcelId].join("#"),
  });
};

/** A parcel arrived, confirmed by its owner or assumed after the waiting days. */
export const parcelDeliveredMessage = (
  input: ParcelEnvelope & { readonly confirmedBy: "owner" | "auto" },
): OutboxMessage =>
  outboxMessage({
    id: input.id,
    recipientId: input.recipientId,
    kind: "parcel-delivered",
    subject: `${input.plan.title} has arrived`,
    body:
      input.confirmedBy === "owner"
        ? `Thank you for confirming that ${input.boxes} box(es) of "${input.plan.title}" arrived.`
        : `${input.boxes} box(es) of "${input.plan.title}" are counted as delivered. If they have not arrived, please contact the producer.`,
    params: {
      planId: input.plan.id,
      planTitle: input.plan.title,
      parcelId: input.parcelId,
      boxes: input.boxes,
      confirmedBy: input.confirmedBy,
    },
    at: input.at,
    dedupeKey: ["parcel-delivered", input.parcelId].join("#"),
  });
