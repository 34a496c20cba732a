import { type Carrier, domainError, type ParcelId, type PlanId, parcelId } from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { Actor } from "../../actor.ts";
import { allPages } from "../../all-pages.ts";
import type { AppError } from "../../errors.ts";
import { readIssuedSlips } from "../carrier-files/b2-cloud-issued.ts";
import { b2Index } from "../carrier-files/b2-cloud-layout.ts";
import { csvRows, decodeCarrierFile } from "../carrier-files/csv-rows.ts";
import { isGenericHeader, readTrackingRows } from "../carrier-files/generic-tracking.ts";
import { advancePlan } from "./advance-plan.ts";
import type { ParcelUseCaseDeps } from "./mark-parcel-shipped.ts";
import { planForShipping } from "./producer-parcel-access.ts";
import { registerParcels } from "./register-parcels.ts";
import { type ShipOutcome, shipParcel } from "./ship-parcel.ts";

/** Rows one upload may carry: a season's parcels for a large plan, not an unbounded file. */
export const MAX_TRACKING_ROWS = 5_000;

export type TrackingFileFormat = "b2-issued" | "generic";

export interface TrackingRowReport {
  /** 1-based, as a spreadsheet shows it. */
  readonly row: number;
  readonly parcelId?: string;
  readonly outcome: ShipOutcome | "refused";
  readonly trackingNumber?: string;
  /** Why a row was refused: an error code and what to fix. */
  readonly code?: string;
  readonly message?: string;
}

export interface TrackingImportReport {
  readonly format: TrackingFileFormat;
  readonly rows: readonly TrackingRowReport[];
  readonly shipped: number;
  readonly corrected: number;
  readonly unchanged: number;
  readonly refused: number;
  readonly planStatus: string;
}

interface Entry {
  readonly row: number;
  readonly parcelId: string;
  readonly carrier?: Carrier;
  readonly carrierText: string;
  readonly trackingNumber: string;
}

const malformed = (message: string, details: Record<string, unknown> = {}) =>
  domainError("VALIDATION.INVALID", message, { fields: [{ field: "file", message }], ...details });

/** What the file says, row by row, or why it is not a file we read (→ 400). */
const entriesOf = (
  text: string,
  knownIds: ReadonlySet<string>,
): E.Either<
  AppError,
  { format: TrackingFileFormat; entries: Entry[]; refused: TrackingRowReport[] }
> => {
  const rows = csvRows(text);
  if (E.isLeft(rows)) return E.left(malformed(`row ${rows.left.row}: a quote is never closed`));
  const nonBlank = rows.right.filter((cells) => cells.some((cell) => cell.trim() !== ""));
  if (nonBlank.length === 0) return E.left(malformed("the file has no rows"));
  if (nonBlank.length > MAX_TRACKING_ROWS + 1)
    return E.left(malformed(`a file holds at most ${MAX_TRACKING_ROWS} rows`));
  const first = nonBlank[0] ?? [];
  if (isGenericHeader(first)) {
    // Blank lines above the header are passed over; rows keep their numbers in the file.
    const headerAt = rows.right.indexOf(first);
    return pipe(
      readTrackingRows(rows.right.slice(headerAt)),
      E.mapLeft((message) => malformed(message)),
      E.map((entries) => ({
        format: "generic" as const,
        entries: entries.map((entry) => ({ ...entry, row: entry.row + headerAt })),
        refused: [],
      })),
    );
  }
  const slipColumn = b2Index("伝票番号");
  if (!rows.right.some((cells) => cells.length > slipColumn))
    return E.left(
      malformed(
        "not a B2クラウド issued file nor a CSV with the columns parcel id, carrier, tracking number",
      ),
    );
  const issued = readIssuedSlips(rows.right, knownIds);
  const rowOf = new Map<string, number>();
  rows.right.forEach((cells, i) => {
    const key = (cells[b2Index("お客様管理番号")] ?? "").trim();
    if (knownIds.has(key)) rowOf.set(key, i + 1);
  });
  return E.right({
    format: "b2-issued",
    entries: issued.slips.map((slip) => ({
      row: rowOf.get(slip.key) ?? 0,
      parcelId: slip.key,
      carrier: "yamato" as const,
      carrierText: "yamato",
      trackingNumber: slip.trackingNumber,
    })),
    refused: issued.problems.map((p) => ({
      row: p.row,
      outcome: "refused" as const,
      code: "PARCEL.INVALID_TRACKING",
      message: p.message,
    })),
  });
};

/**
 * The producer uploads the carrier's file back: B2クラウド's issued-slips file (お客様管理番号
 * names our parcel, 伝票番号 is its slip; rows of other shipments are passed over) or a generic
 * CSV with the columns parcel id, carrier, tracking number. Every row of ours is shipped like a
 * one-by-one PUT (the same rules, the same messages), and the report says row by row what was
 * taken or refused and why. A file that is neither format is refused whole (VALIDATION.INVALID).
 */
export const importTrackingFile =
  (deps: ParcelUseCaseDeps) =>
  (
    actor: Actor,
    input: { readonly planId: PlanId; readonly content: Uint8Array },
  ): TE.TaskEither<AppError, TrackingImportReport> =>
    pipe(
      planForShipping(deps.plans, actor, input.planId),
      TE.chainFirst((plan) => registerParcels(deps)(plan.id)),
      TE.chain((plan) =>
        pipe(
          allPages((page) => deps.parcels.listByPlan(plan.id, page)),
          TE.map((parcels) => new Set<string>(parcels.map((p) => p.id))),
          TE.chainEitherK((known) =>
            pipe(
              entriesOf(decodeCarrierFile(input.content), known),
              E.map((read) => ({ ...read, known })),
            ),
          ),
          TE.chain(({ format, entries, refused, known }) => async () => {
            const reports: TrackingRowReport[] = [...refused];
            for (const entry of entries) {
              if (entry.carrier === undefined) {
                reports.push({
                  row: entry.row,
                  parcelId: entry.parcelId,
                  outcome: "refused",
                  code: "VALIDATION.INVALID",
                  message: `unknown carrier "${entry.carrierText}" (yamato, sagawa, japanpost, other)`,
                });
                continue;
              }
              // Only the plan's own parcels reach the store: any other id (a typo, another
              // plan's, a 2,000-character cell the store could not even key) is refused here.
              if (!known.has(entry.parcelId)) {
                reports.push({
                  row: entry.row,
                  parcelId: entry.parcelId.slice(0, 200),
                  outcome: "refused",
                  code: "PARCEL.NOT_FOUND",
                  message: "no such parcel in this plan",
                });
                continue;
              }
              const result = await shipParcel(deps)(plan, {
                parcelId: parcelId(entry.parcelId) as ParcelId,
                carrier: entry.carrier,
                trackingNumber: entry.trackingNumber,
              })();
              // Lost infrastructure stops the import (a retry repeats nothing: PUT semantics).
              if (E.isLeft(result) && result.left._tag === "STORE.UNAVAILABLE") return result;
              reports.push(
                E.isLeft(result)
                  ? {
                      row: entry.row,
                      parcelId: entry.parcelId,
                      outcome: "refused",
                      code: result.left._tag,
                      message: result.left.message,
                    }
                  : {
                      row: entry.row,
                      parcelId: entry.parcelId,
                      outcome: result.right.outcome,
                      trackingNumber:
                        result.right.parcel.progress.state === "scheduled"
                          ? undefined
                          : result.right.parcel.progress.trackingNumber,
                    },
              );
            }
            reports.sort((a, b) => a.row - b.row);
            const count = (outcome: TrackingRowReport["outcome"]) =>
              reports.filter((r) => r.outcome === outcome).length;
            return E.right({
              format,
              rows: reports,
              shipped: count("shipped"),
              corrected: count("corrected"),
              unchanged: count("unchanged"),
              refused: count("refused"),
            });
          }),
          TE.chain((report) =>
            pipe(
              advancePlan(deps)(actor, plan.id),
              TE.map((after) => ({ ...report, planStatus: after.status })),
            ),
          ),
        ),
      ),
    );
