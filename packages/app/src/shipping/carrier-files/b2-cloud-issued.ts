import { normalizeTrackingNumber } from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import { b2Index } from "./b2-cloud-layout.ts";

/** A slip B2 issued for one of our parcels. */
export interface IssuedSlip {
  readonly key: string;
  readonly trackingNumber: string;
}

export interface IssuedSlipProblem {
  /** 1-based, as a spreadsheet shows it (the header is row 1). */
  readonly row: number;
  readonly message: string;
}

export interface IssuedSlips {
  readonly slips: readonly IssuedSlip[];
  readonly problems: readonly IssuedSlipProblem[];
}

const KEY = b2Index("お客様管理番号");
const SLIP = b2Index("伝票番号");

/**
 * Reads B2クラウド's issued-slips file (its "入出力用" layout, already split into rows) back:
 * each row whose お客様管理番号 is one of `knownKeys` gives that parcel's slip number. A header
 * row, blank rows and rows of other shipments are passed over; a row of ours with a missing or
 * malformed slip number is reported, never guessed. The same key twice keeps the last row
 * (B2 lists a reissued slip after the first).
 */
export const readIssuedSlips = (
  rows: readonly (readonly string[])[],
  knownKeys: ReadonlySet<string>,
): IssuedSlips => {
  const byKey = new Map<string, string>();
  const problems: IssuedSlipProblem[] = [];
  rows.forEach((cells, index) => {
    const key = (cells[KEY] ?? "").trim();
    if (!knownKeys.has(key)) return;
    const slip = normalizeTrackingNumber("yamato", cells[SLIP] ?? "");
    if (E.isLeft(slip)) {
      problems.push({ row: index + 1, message: `${key}: ${slip.left.message}` });
      return;
    }
    byKey.set(key, slip.right);
  });
  return {
    slips: [...byKey].map(([key, trackingNumber]) => ({ key, trackingNumber })),
    problems,
  };
};
