import type { LotShipment } from "../ports/shipment-repository.ts";

/** The columns of the label file, in order: what a parcel service's bulk upload needs. */
export const SHIPMENT_CSV_COLUMNS = [
  "ship_on",
  "arrive_by",
  "lot_id",
  "shipment_id",
  "ownership_id",
  "boxes",
  "units",
  "unit_label",
  "recipient_name",
  "postal_code",
  "prefecture",
  "city",
  "address_line1",
  "address_line2",
  "phone",
  "region",
  "temperature",
  "delivery_slot",
  "gift_message",
] as const;

/**
 * One CSV field: quoted when it holds a comma, quote or line break, and defused when it starts
 * like a spreadsheet formula (=, +, -, @, tab, CR), since producers open these files in Excel.
 */
export const csvField = (value: string | number): string => {
  const text = String(value);
  const safe = typeof value === "string" && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

/**
 * One row per parcel (boxes leaving on one day), by ship day, then lot, then ownership. Units not
 * scheduled have no row: they are in the infeasible report. CRLF line ends and a UTF-8 BOM, so
 * Excel opens Japanese addresses correctly.
 */
export const shipmentsCsvBody = (shipments: readonly LotShipment[], unitLabel: string): string => {
  const rows = shipments
    .flatMap((s) => s.parcels.map((parcel) => ({ s, parcel })))
    .sort(
      (a, b) =>
        (a.parcel.shipOn < b.parcel.shipOn ? -1 : a.parcel.shipOn > b.parcel.shipOn ? 1 : 0) ||
        (a.s.lotId < b.s.lotId ? -1 : a.s.lotId > b.s.lotId ? 1 : 0) ||
        (a.s.ownershipId < b.s.ownershipId ? -1 : a.s.ownershipId > b.s.ownershipId ? 1 : 0),
    )
    .map(({ s, parcel }) =>
      [
        parcel.shipOn,
        parcel.arriveBy,
        s.lotId,
        s.id,
        s.ownershipId,
        parcel.boxes,
        parcel.units,
        unitLabel,
        s.address?.recipientName ?? "",
        s.address?.postalCode ?? "",
        s.address?.prefecture ?? "",
        s.address?.city ?? "",
        s.address?.line1 ?? "",
        s.address?.line2 ?? "",
        s.address?.phone ?? "",
        s.region,
        s.temperature ?? "",
        s.slot ?? "",
        s.giftMessage ?? "",
      ]
        .map(csvField)
        .join(","),
    );
  return `\uFEFF${[SHIPMENT_CSV_COLUMNS.join(","), ...rows].join("\r\n")}\r\n`;
};
