import * as E from "fp-ts/lib/Either.js";
import type { Plan } from "../plans/plan.ts";
import { type DomainError, fail } from "../shared/errors.ts";
import type { PlanId, ProducerId } from "../shared/ids.ts";
import type { Instant } from "../shared/time.ts";

/**
 * The producer's account of a finished season, one per plan: what the harvest came to, photos
 * and a note. Posted once the plan is completed (the owners have their parcels), editable after.
 */
export interface SeasonReport {
  readonly planId: PlanId;
  readonly producerId: ProducerId;
  /** Units harvested over the season, in the plan's unit. */
  readonly harvestedUnits: number;
  /** How many harvests (lots) the season had. */
  readonly lotCount: number;
  readonly unitLabel: string;
  readonly note: string;
  /** Object keys of verified photos (the BlobStore's keys, not URLs). */
  readonly photoKeys: readonly string[];
  /** The first publication: owners are told of it once. */
  readonly publishedAt: Instant;
  readonly updatedAt: Instant;
  /** Optimistic locking: 1 on publication, bumped on every edit. */
  readonly version: number;
}

/** Counted in characters (code points), like updates. */
export const MAX_SEASON_NOTE_CHARS = 5000;
/** A report is one storage item: a few photos tell the season; more belong in updates. */
export const MAX_SEASON_REPORT_PHOTOS = 6;

export interface SeasonReportInput {
  readonly harvestedUnits: number;
  readonly lotCount: number;
  readonly note: string;
  readonly photoKeys: readonly string[];
  readonly at: Instant;
}

type SeasonError = DomainError<"SEASON.PLAN_NOT_COMPLETED" | "SEASON.INVALID">;

const count = (field: string, value: number): E.Either<SeasonError, number> =>
  Number.isSafeInteger(value) && value >= 0
    ? E.right(value)
    : fail("SEASON.INVALID", `${field} must be a whole number of at least 0`, { field });

const checkInput = (input: SeasonReportInput): E.Either<SeasonError, SeasonReportInput> => {
  const units = count("harvestedUnits", input.harvestedUnits);
  if (E.isLeft(units)) return units;
  const lots = count("lotCount", input.lotCount);
  if (E.isLeft(lots)) return lots;
  const chars = [...input.note].length;
  if (chars > MAX_SEASON_NOTE_CHARS)
    return fail("SEASON.INVALID", `note is longer than ${MAX_SEASON_NOTE_CHARS} characters`, {
      field: "note",
      max: MAX_SEASON_NOTE_CHARS,
      actual: chars,
    });
  if (input.photoKeys.length > MAX_SEASON_REPORT_PHOTOS)
    return fail("SEASON.INVALID", `at most ${MAX_SEASON_REPORT_PHOTOS} photos per season report`, {
      field: "photoKeys",
      max: MAX_SEASON_REPORT_PHOTOS,
    });
  if (new Set(input.photoKeys).size !== input.photoKeys.length)
    return fail("SEASON.INVALID", "the same photo twice", { field: "photoKeys" });
  return E.right(input);
};

/**
 * Publishes the plan's season report, or edits the one published. Only a completed plan has
 * one: before that the season is not over (a cancelled plan never had one).
 */
export const writeSeasonReport = (
  plan: Pick<Plan, "id" | "producerId" | "status" | "unitLabel">,
  existing: SeasonReport | undefined,
  input: SeasonReportInput,
): E.Either<SeasonError, SeasonReport> => {
  if (plan.status !== "completed")
    return fail(
      "SEASON.PLAN_NOT_COMPLETED",
      `a season report is posted once the plan is completed; it is ${plan.status}`,
      { planId: plan.id, status: plan.status },
    );
  return E.map(
    (valid: SeasonReportInput): SeasonReport => ({
      planId: plan.id,
      producerId: plan.producerId,
      harvestedUnits: valid.harvestedUnits,
      lotCount: valid.lotCount,
      unitLabel: plan.unitLabel,
      note: valid.note.trim(),
      photoKeys: [...valid.photoKeys],
      publishedAt: existing?.publishedAt ?? valid.at,
      updatedAt: valid.at,
      version: (existing?.version ?? 0) + 1,
    }),
  )(checkInput(input));
};

/** What the form starts from before the first publication: the season as the lots recorded it. */
export const seasonTotalsFromLots = (
  lots: readonly { readonly quantity: number }[],
): Pick<SeasonReport, "harvestedUnits" | "lotCount"> => ({
  harvestedUnits: lots.reduce((sum, lot) => sum + lot.quantity, 0),
  lotCount: lots.length,
});
