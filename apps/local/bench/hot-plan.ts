import type { WriteUnitLimits } from "@owners/adapter-dynamodb/write-unit-limits";
import type { Api } from "@owners/api";
import type { PlanId } from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import * as O from "fp-ts/lib/Option.js";
import { openBenchPlan } from "./bench-plan.ts";
import { crowdWorkload } from "./crowd-workload.ts";
import { type CrowdTarget, sendCrowd, tallyCrowd, tokensFor } from "./http-crowd.ts";

export interface HotPlanInput {
  readonly api: Api;
  readonly target: Omit<CrowdTarget, "planId">;
  /** The per-item write-unit limits on the API's DynamoDB client (off until the crowd comes). */
  readonly limits: WriteUnitLimits;
  readonly unitsPerSecond: number;
  readonly requestsPerSecond: number;
  readonly supply: number;
  readonly nowMs: number;
}

export interface HotPlanFigures {
  readonly line: string;
  readonly notes: readonly string[];
}

/**
 * BENCH hot-plan: the plan's counter item limited to `unitsPerSecond` write units (DynamoDB's
 * 1,000 scaled down), a crowd of 20× the supply arriving at `requestsPerSecond` (4× the item's
 * rate) over HTTP, each asking 1 to 3 shares (cap 3), a fifth of them resending their request.
 * Goal: only 201s and 409s (sold out / over the limit), no 5xx, no oversell.
 */
export const hotPlan = async (input: HotPlanInput): Promise<HotPlanFigures> => {
  const { api, limits } = input;
  const planId = await openBenchPlan(api, input.supply, {
    producerId: "producer-hot",
    maxSharesPerOwner: 3,
    nowMs: input.nowMs,
  });
  const workload = crowdWorkload("hot", {
    owners: input.supply * 20,
    returning: 0,
    maxShares: 3,
    repeatRate: 0.15,
    askAgainRate: 0.1,
    seed: 20,
  });
  const requests = workload.open.slice(0, 20 * input.supply);
  const target: CrowdTarget = { ...input.target, planId };
  const tokens = await tokensFor(
    target,
    requests.map((r) => r.owner),
  );
  const throttledBefore = limits.throttled();
  limits.enabled = true;
  const run = await sendCrowd(target, tokens, requests, { perSecond: input.requestsPerSecond });
  limits.enabled = false;
  const throttled = limits.throttled() - throttledBefore;
  const tally = tallyCrowd(run.answers);
  const found = await api.ports.plans.get(planId as PlanId)();
  if (E.isLeft(found) || O.isNone(found.right)) throw new Error("the hot plan is gone");
  const sold = found.right.value.sharesSold;
  const line = [
    "BENCH hot-plan",
    `requests=${tally.requests}`,
    `sold=${sold}`,
    `oversold=${Math.max(0, sold - input.supply, tally.answeredShares - input.supply)}`,
    `errors5xx=${tally.errors5xx}`,
    `throttled=${throttled}`,
  ].join(" ");
  return {
    line,
    notes: [
      `# hot-plan: ${input.unitsPerSecond} write units/s per item, ${input.requestsPerSecond} requests/s (the item's rate ×4 in units, ×${(input.requestsPerSecond / (input.unitsPerSecond / 2)).toFixed(0)} in 2-unit transactions), supply ${input.supply}, crowd ${tally.requests}; throttled = writes the limit refused`,
      `# hot-plan answers: 201 new=${tally.created} replayed=${tally.replays}, 409 PLAN.SOLD_OUT=${tally.soldOut} PLAN.OWNER_LIMIT=${tally.overLimit}, unclean=${tally.unclean} ${JSON.stringify(tally.others)}; ${Math.round(run.wallMs)} ms; hottest item ${limits.hottest()?.units ?? 0} units`,
      ...(tally.example === undefined
        ? []
        : [`# hot-plan example: ${JSON.stringify(tally.example)}`]),
    ],
  };
};
