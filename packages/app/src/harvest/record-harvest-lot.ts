import {
  auditEntry,
  checkHarvestOpen,
  domainError,
  type HarvestLot,
  type LotGrade,
  lotId,
  type PlanId,
  parseLocalDate,
} from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { requireProducerOf, requireStatus } from "../access.ts";
import type { Actor } from "../actor.ts";
import { auditHead } from "../audit-records.ts";
import { type AppError, decided } from "../errors.ts";
import { loadPlan } from "../loading.ts";
import type { Clock } from "../ports/clock.ts";
import type { HarvestRepository } from "../ports/harvest-repository.ts";
import type { IdGenerator } from "../ports/id-generator.ts";
import type { PlanRepository } from "../ports/plan-repository.ts";

export interface RecordHarvestLotDeps {
  readonly plans: PlanRepository;
  readonly harvests: HarvestRepository;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

export interface RecordHarvestLotInput {
  readonly planId: PlanId;
  readonly quantity: number;
  readonly grade: LotGrade;
  readonly readyOn: string;
  readonly bestBefore: string;
  /** A retried request with the same key lands on the same lot instead of recording another. */
  readonly idempotencyKey?: string;
}

/** Lots arrive once sales have closed, and keep arriving while the plan is allocated, until the harvest is complete. */
const RECORDABLE = ["closed", "allocated"] as const;

const invalidLot = (fields: readonly { field: string; message: string }[]) =>
  domainError("HARVEST.INVALID_LOT", "the harvest lot is invalid", { fields });

const checkLot = (input: RecordHarvestLotInput): TE.TaskEither<AppError, void> => {
  const fields: { field: string; message: string }[] = [];
  if (!Number.isSafeInteger(input.quantity) || input.quantity < 1)
    fields.push({ field: "quantity", message: "must be a whole number of at least 1" });
  if (input.grade !== "standard" && input.grade !== "offspec")
    fields.push({ field: "grade", message: "must be standard or offspec" });
  const readyOn = parseLocalDate(input.readyOn);
  const bestBefore = parseLocalDate(input.bestBefore);
  if (readyOn === undefined)
    fields.push({ field: "readyOn", message: "must be a YYYY-MM-DD date" });
  if (bestBefore === undefined)
    fields.push({ field: "bestBefore", message: "must be a YYYY-MM-DD date" });
  else if (readyOn !== undefined && bestBefore < readyOn)
    fields.push({ field: "bestBefore", message: "must not be before readyOn" });
  return fields.length === 0 ? TE.right(undefined) : TE.left(invalidLot(fields));
};

const sameLot = (a: HarvestLot, b: HarvestLot) =>
  a.quantity === b.quantity &&
  a.grade === b.grade &&
  a.readyOn === b.readyOn &&
  a.bestBefore === b.bestBefore;

/**
 * The plan's producer records a harvest lot. With an idempotency key, a retry returns the lot the
 * first request recorded (STORE.DUPLICATE if the retry describes a different lot).
 */
export const recordHarvestLot =
  (deps: RecordHarvestLotDeps) =>
  (actor: Actor, input: RecordHarvestLotInput): TE.TaskEither<AppError, HarvestLot> =>
    pipe(
      loadPlan(deps.plans, input.planId),
      TE.chain((plan) => requireProducerOf(actor, plan)),
      TE.chain((plan) => requireStatus(plan, RECORDABLE, "record harvest lots")),
      TE.chainFirst((plan) => decided(checkHarvestOpen(plan))),
      TE.chainFirst(() => checkLot(input)),
      TE.map(
        (plan): HarvestLot => ({
          id: lotId(
            input.idempotencyKey === undefined
              ? deps.ids.next("lot")
              : deps.ids.deterministic("lot", plan.id, input.idempotencyKey),
          ),
          planId: plan.id,
          quantity: input.quantity,
          grade: input.grade,
          readyOn: parseLocalDate(input.readyOn) as HarvestLot["readyOn"],
          bestBefore: parseLocalDate(input.bestBefore) as HarvestLot["bestBefore"],
          recordedAt: deps.clock.now(),
        }),
      ),
      TE.chain((lot) =>
        pipe(
          deps.harvests.add(lot, [
            auditEntry({
              // Named after the lot, as every audit entry: a retried write repeats, not adds.
              ...auditHead(deps.ids, actor, lot.recordedAt, lot.id, "harvest.lot_recorded"),
              action: "harvest.lot_recorded",
              subject: { type: "lot", id: lot.id },
              planId: lot.planId,
              after: {
                quantity: lot.quantity,
                grade: lot.grade,
                readyOn: lot.readyOn,
                bestBefore: lot.bestBefore,
              },
            }),
          ]),
          TE.orElse((error) =>
            error._tag === "STORE.DUPLICATE" && input.idempotencyKey !== undefined
              ? replayed(deps.harvests, lot, error)
              : TE.left(error),
          ),
        ),
      ),
    );

const replayed = (harvests: HarvestRepository, lot: HarvestLot, duplicate: AppError) =>
  pipe(
    harvests.get(lot.planId, lot.id),
    TE.chain(
      O.match(
        () => TE.left<AppError, HarvestLot>(duplicate),
        (stored) =>
          sameLot(stored, lot) ? TE.right(stored) : TE.left<AppError, HarvestLot>(duplicate),
      ),
    ),
  );
