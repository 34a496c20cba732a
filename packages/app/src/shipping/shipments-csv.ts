import { allocationIsVoid, type LocalDate, type LotId, type PlanId } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { requireProducerOf } from "../access.ts";
import type { Actor } from "../actor.ts";
import { allPages } from "../all-pages.ts";
import { type AppError, appError } from "../errors.ts";
import { loadPlan } from "../loading.ts";
import type { PlanRepository } from "../ports/plan-repository.ts";
import type { ShipmentRepository } from "../ports/shipment-repository.ts";
import type { B2Problem } from "./carrier-files/b2-cloud-export.ts";
import { b2ShipmentsCsv } from "./carrier-files/b2-cloud-shipments.ts";
import { loadShiftJisCodec, type ShiftJisCodec } from "./carrier-files/b2-shift-jis.ts";
import { shipmentsCsvBody } from "./label-csv-format.ts";

export interface ShipmentsCsvDeps {
  readonly plans: PlanRepository;
  readonly shipments: ShipmentRepository;
}

export interface ShipmentsCsvInput {
  readonly planId: PlanId;
  /** Only the parcels leaving that day (today's labels). */
  readonly shipOn?: LocalDate;
  readonly lotId?: LotId;
  /** The carrier's import layout: "b2" is Yamato's B2クラウド; the generic columns otherwise. */
  readonly format?: LabelFormat;
}

export const LABEL_FORMATS = ["generic", "b2"] as const;
export type LabelFormat = (typeof LABEL_FORMATS)[number];

export interface CsvFile {
  readonly filename: string;
  readonly contentType: "text/csv; charset=utf-8";
  readonly body: string;
  readonly rows: number;
  /** Fields the carrier would refuse at import (B2 only), so the producer fixes them first. */
  readonly problems?: readonly B2Problem[];
}

/** B2's label import reads nothing but Shift_JIS: the file is its encoded bytes. */
export interface ShiftJisCsvFile extends Omit<CsvFile, "contentType" | "body"> {
  readonly contentType: "text/csv; charset=Shift_JIS";
  readonly body: Uint8Array<ArrayBuffer>;
}

type LabelFile = CsvFile | ShiftJisCsvFile;

/** The encoder, loaded on the first B2 file and kept (see loadShiftJisCodec). */
let codec: Promise<ShiftJisCodec> | undefined;
const shiftJisCodec = (): TE.TaskEither<AppError, ShiftJisCodec> =>
  TE.tryCatch(
    () => {
      codec ??= loadShiftJisCodec();
      return codec;
    },
    () => {
      codec = undefined;
      return appError("STORE.UNAVAILABLE", "the Shift_JIS encoder could not be loaded");
    },
  );

/** The producer's shipping-label file for a plan, optionally one day's or one lot's parcels. */
export const shipmentsCsv =
  (deps: ShipmentsCsvDeps) =>
  (actor: Actor, input: ShipmentsCsvInput): TE.TaskEither<AppError, LabelFile> =>
    pipe(
      loadPlan(deps.plans, input.planId),
      TE.chain((plan) => requireProducerOf(actor, plan)),
      // No label file for a cancelled plan, even one scheduled before: a box sent now is a loss.
      TE.filterOrElse(
        (plan) => !allocationIsVoid(plan),
        (plan): AppError =>
          appError(
            "PLAN.WRONG_STATUS",
            "the plan was cancelled: nothing ships (every owner was refunded in full)",
            { planId: plan.id },
          ),
      ),
      TE.chain((plan) =>
        pipe(
          allPages((page) => deps.shipments.listByPlan(plan.id, page)),
          TE.chain((all) => {
            const chosen = all
              .filter((s) => input.lotId === undefined || s.lotId === input.lotId)
              .map((s) => ({
                ...s,
                parcels: s.parcels.filter(
                  (p) => input.shipOn === undefined || p.shipOn === input.shipOn,
                ),
              }));
            const suffix = input.shipOn === undefined ? "" : `-${input.shipOn}`;
            if (input.format === "b2")
              return pipe(
                shiftJisCodec(),
                TE.map((shiftJis): LabelFile => {
                  const b2 = b2ShipmentsCsv(chosen, plan, shiftJis);
                  return {
                    filename: `b2-${plan.id}${suffix}.csv`,
                    contentType: "text/csv; charset=Shift_JIS",
                    body: b2.body,
                    rows: b2.rows,
                    problems: b2.problems,
                  };
                }),
              );
            const rows = chosen.reduce((sum, s) => sum + s.parcels.length, 0);
            const file: CsvFile = {
              filename: `shipments-${plan.id}${input.shipOn === undefined ? "" : `-${input.shipOn}`}.csv`,
              contentType: "text/csv; charset=utf-8" as const,
              body: shipmentsCsvBody(chosen, plan.unitLabel),
              rows,
            };
            return TE.right<AppError, LabelFile>(file);
          }),
        ),
      ),
    );
