import { CARRIER_NAMES_JA, CARRIERS, type Carrier, isCarrier } from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";

/** One row of the generic "parcel id, carrier, tracking number" file. */
export interface TrackingRow {
  /** 1-based, as a spreadsheet shows it (the header is row 1). */
  readonly row: number;
  readonly parcelId: string;
  /** Undefined when the cell names no carrier we know (the row is refused, not guessed). */
  readonly carrier?: Carrier;
  readonly carrierText: string;
  readonly trackingNumber: string;
}

const HEADER_NAMES: Readonly<Record<"parcelId" | "carrier" | "trackingNumber", readonly string[]>> =
  {
    parcelId: ["parcel id", "parcelid", "parcel", "荷物id", "お客様管理番号"],
    carrier: ["carrier", "配送業者", "運送会社"],
    trackingNumber: ["tracking number", "trackingnumber", "tracking", "伝票番号", "追跡番号"],
  };

const fold = (cell: string) => cell.normalize("NFKC").trim().toLowerCase();

/** The carrier a cell names: our code (`yamato`) or the name on the slip (`ヤマト運輸`). */
export const carrierOf = (cell: string): Carrier | undefined => {
  const folded = fold(cell);
  if (isCarrier(folded)) return folded;
  return CARRIERS.find((c) => fold(CARRIER_NAMES_JA[c]) === folded);
};

/** Whether the first row is the generic file's header (any order, English or Japanese names). */
export const isGenericHeader = (header: readonly string[]): boolean =>
  Object.values(HEADER_NAMES).every((names) => header.some((cell) => names.includes(fold(cell))));

/**
 * The rows of a generic tracking file: a header naming the three columns, then one parcel per row.
 * Blank rows are passed over. A file without that header is not one (VALIDATION-level: the caller
 * answers 400 naming the columns).
 */
export const readTrackingRows = (
  rows: readonly (readonly string[])[],
): E.Either<string, TrackingRow[]> => {
  const [header, ...body] = rows;
  if (header === undefined || !isGenericHeader(header))
    return E.left("the first row must name the columns: parcel id, carrier, tracking number");
  const column = (field: keyof typeof HEADER_NAMES) =>
    header.findIndex((cell) => HEADER_NAMES[field].includes(fold(cell)));
  const [id, carrier, tracking] = [column("parcelId"), column("carrier"), column("trackingNumber")];
  return E.right(
    body.flatMap((cells, index) => {
      if (cells.every((cell) => cell.trim() === "")) return [];
      const carrierText = (cells[carrier] ?? "").trim();
      const known = carrierOf(carrierText);
      return [
        {
          row: index + 2,
          parcelId: (cells[id] ?? "").trim(),
          ...(known === undefined ? {} : { carrier: known }),
          carrierText,
          trackingNumber: (cells[tracking] ?? "").trim(),
        },
      ];
    }),
  );
};
