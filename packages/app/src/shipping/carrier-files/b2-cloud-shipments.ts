import { type Plan, parcelIdOf, planLogistics } from "@owners/domain";
import type { LotShipment } from "../../ports/shipment-repository.ts";
import { csvField } from "../label-csv-format.ts";
import { type B2Parcel, type B2Problem, type B2Sender, b2CloudExport } from "./b2-cloud-export.ts";
import { B2_COLUMNS, b2Width } from "./b2-cloud-layout.ts";
import { type ShiftJisCodec, sjisSafe } from "./b2-shift-jis.ts";

/** No sender on the plan: B2 fills in the sender registered on the producer's account. */
const NO_SENDER: B2Sender = {
  name: "",
  phone: "",
  postalCode: "",
  address: "",
  billingCustomerCode: "",
  freightManagementNumber: "",
};

/** 品名 takes 50 half-width characters: a long title is shortened (it names the box, not a door). */
const DESCRIPTION_WIDTH = 50;

const fitWidth = (text: string, max: number): string => {
  let out = "";
  for (const ch of text) {
    if (b2Width(out + ch) > max) break;
    out += ch;
  }
  return out;
};

/** Parcels in label order: by ship day, then lot, then ownership (as the generic file). */
const labelOrder = (shipments: readonly LotShipment[]) =>
  shipments
    .flatMap((s) => s.parcels.map((parcel) => ({ s, parcel })))
    .filter(({ s }) => s.address !== undefined)
    .sort(
      (a, b) =>
        a.parcel.shipOn.localeCompare(b.parcel.shipOn) ||
        a.s.lotId.localeCompare(b.s.lotId) ||
        a.s.ownershipId.localeCompare(b.s.ownershipId),
    );

/**
 * The plan's parcels as a B2クラウド label import for Yamato: B2's columns, its クール区分 from
 * the temperature the shipment was scheduled with, its 配達時間帯 from the owner's slot, the gift
 * message as the slip's 記事. お客様管理番号 is the parcel's id (`parcelIdOf`), what the issued
 * slips file is read back by. Formula-safe like the generic file (a producer opens it
 * in Excel first); fields B2 would refuse are reported, never cut. Encoded in Shift_JIS (B2's
 * import reads nothing else): known look-alikes are substituted (B2_SJIS_SUBSTITUTES), and a
 * character Shift_JIS cannot carry (𠮷) is reported, since it would print as "?".
 */
export const b2ShipmentsCsv = (
  shipments: readonly LotShipment[],
  plan: Pick<Plan, "title" | "unitLabel" | "region" | "logistics">,
  shiftJis: ShiftJisCodec,
): {
  readonly body: Uint8Array<ArrayBuffer>;
  readonly rows: number;
  readonly problems: readonly B2Problem[];
} => {
  const logistics = planLogistics(plan);
  const parcels = labelOrder(shipments).map(
    ({ s, parcel }): B2Parcel => ({
      key: parcelIdOf(s.id, parcel.shipOn),
      shipOn: parcel.shipOn,
      arriveBy: parcel.arriveBy,
      ...(s.slot === undefined ? {} : { slot: s.slot }),
      temperature: s.temperature ?? logistics.temperature,
      // labelOrder kept only parcels with an address.
      recipient: s.address as NonNullable<LotShipment["address"]>,
      description: fitWidth(`${plan.title} ${parcel.units}${plan.unitLabel}`, DESCRIPTION_WIDTH),
      ...(s.giftMessage === undefined ? {} : { note: s.giftMessage }),
    }),
  );
  const exported = b2CloudExport(parcels, logistics.sender ?? NO_SENDER);
  const rows = exported.rows.map((row) => row.map(sjisSafe));
  const unencodable = rows.slice(1).flatMap((row, i) =>
    row.flatMap((value, c): B2Problem[] => {
      const bad = shiftJis.notShiftJis(value);
      return bad.length === 0
        ? []
        : [
            {
              key: parcels[i]?.key ?? "",
              column: B2_COLUMNS[c] as B2Problem["column"],
              message: `${B2_COLUMNS[c]} has ${bad.join("")}, which Shift_JIS cannot carry (B2 would print "?"): write it another way`,
            },
          ];
    }),
  );
  const lines = rows.map((row) => row.map(csvField).join(","));
  return {
    body: shiftJis.encode(`${lines.join("\r\n")}\r\n`),
    rows: parcels.length,
    problems: [...exported.problems, ...unencodable],
  };
};
