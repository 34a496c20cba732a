import type { Api } from "@owners/api";
import type { Actor } from "@owners/app";
import type { RawPlanTerms } from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import type * as TE from "fp-ts/lib/TaskEither.js";

const DAY_MS = 86_400_000;

const must = async <T>(task: TE.TaskEither<{ _tag: string; message: string }, T>): Promise<T> => {
  const result = await task();
  if (E.isLeft(result)) throw new Error(`${result.left._tag}: ${result.left.message}`);
  return result.right;
};

export interface BenchPlanOptions {
  readonly producerId?: string;
  readonly maxSharesPerOwner?: number;
  readonly basePriceYen?: number;
  /** The public opening, relative to now (a day ago by default). */
  readonly opensInMs?: number;
  /** Opens to the producer's returning owners this long before `opensInMs`. */
  readonly earlyAccessMs?: number;
  /** "Now" for the windows (the stack's clock), real time by default. */
  readonly nowMs?: number;
}

/**
 * An open plan with room for every reservation a benchmark makes (one share per owner by
 * default): created and published by its producer through the use cases.
 */
export const openBenchPlan = async (
  api: Api,
  totalShares: number,
  options: BenchPlanOptions = {},
): Promise<string> => {
  const producer: Actor = { id: options.producerId ?? "producer-bench", role: "producer" };
  const now = options.nowMs ?? Date.now();
  const opensAt = now + (options.opensInMs ?? -DAY_MS);
  const day = (days: number) =>
    new Date(now + days * DAY_MS + 9 * 3_600_000).toISOString().slice(0, 10);
  const terms: RawPlanTerms = {
    title: "Bench figs",
    story: "A plan the benchmarks reserve.",
    category: "fruit",
    region: "kinki",
    unitLabel: "pack",
    unitsPerShare: 4,
    totalShares,
    maxSharesPerOwner: options.maxSharesPerOwner ?? 1,
    salesWindow: {
      opensAt: new Date(opensAt).toISOString(),
      closesAt: new Date(now + 30 * DAY_MS).toISOString(),
      ...(options.earlyAccessMs === undefined
        ? {}
        : { returningOwnersOpenAt: new Date(opensAt - options.earlyAccessMs).toISOString() }),
    },
    deliveryWindow: { from: day(40), to: day(70) },
    pricing: {
      basePriceYen: options.basePriceYen ?? 5000,
      tiers: [],
      shippingSurchargeYen: { kanto: 0, kinki: 0 },
    },
    riskTerms: "refund",
    cancellationDeadline: new Date(now + 20 * DAY_MS).toISOString(),
    shipCapacityPerDay: 100,
    surplusBonusCapUnits: 0,
  };
  const draft = await must(api.useCases.plans.createPlan(producer, { terms }));
  await must(api.useCases.plans.publishPlan(producer, { planId: draft.id }));
  return draft.id;
};
