import { TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import { type DynamoContext, reserveTransaction } from "@owners/adapter-dynamodb";
import type { Api } from "@owners/api";
import { type Actor, type ReserveCommand, runPooled } from "@owners/app";
import { sampleOwnership } from "@owners/app/testing";
import {
  addMillis,
  auditEntryId,
  instantFromMillis,
  type Ownership,
  ownershipReserved,
  type Plan,
  type PlanId,
} from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import * as O from "fp-ts/lib/Option.js";
import { openBenchPlan } from "./bench-plan.ts";
import { type CrowdRequest, crowdWorkload, ownerName } from "./crowd-workload.ts";
import { type CrowdTarget, sendCrowd, tallyCrowd, tokensFor } from "./http-crowd.ts";
import { percentile, round } from "./stats.ts";

const HOUR_MS = 3_600_000;

/** Real time plus an offset the bench moves: the public opening comes without waiting for it. */
export interface ShiftedClock {
  millis(): number;
  advance(ms: number): void;
}

export interface FlashSaleInput {
  readonly api: Api;
  readonly target: Omit<CrowdTarget, "planId">;
  /** A client on the API's DynamoDB Local and table, for the bare transactions. */
  readonly dynamo: DynamoContext;
  readonly clock: ShiftedClock;
  readonly owners: number;
  readonly returning: number;
  readonly totalShares: number;
  readonly maxShares: number;
  readonly concurrency: number;
}

const must = async <T>(task: () => Promise<E.Either<{ _tag: string; message: string }, T>>) => {
  const result = await task();
  if (E.isLeft(result)) throw new Error(`${result.left._tag}: ${result.left.message}`);
  return result.right;
};

const planOf = async (api: Api, id: string): Promise<Plan> => {
  const found = await must(api.ports.plans.get(id as PlanId));
  if (O.isNone(found)) throw new Error(`plan ${id} is gone`);
  return found.value;
};

/**
 * The returning owners: each holds a paid share of an earlier plan of the same producer (reserved
 * and paid at the local checkout through the use cases, as owners would).
 */
const givenReturningOwners = async (api: Api, producerId: string, owners: readonly string[]) => {
  const earlier = await openBenchPlan(api, owners.length, { producerId });
  await runPooled(owners, 8, async (owner) => {
    const actor: Actor = { id: owner, role: "owner" };
    const { ownership } = await must(
      api.useCases.reservations.reserveShares(actor, {
        planId: earlier,
        shares: 1,
        shippingRegion: "kanto",
        idempotencyKey: `${owner}-earlier`,
      }),
    );
    if (ownership.payment !== undefined)
      await must(
        api.useCases.reservations.completeDevPayment(actor, {
          paymentId: ownership.payment.id,
          outcome: "succeeded",
        }),
      );
  });
};

/**
 * The write the API's reservation sends for a request, as a bare TransactWriteItems: a
 * pending_payment ownership under the request's deterministic id with its checkout, its hold
 * marker, the owner's count and the "reserved" audit entry, conditioned on the plan's counters.
 */
const bareReservation = (tableName: string, plan: Plan, request: CrowdRequest, at: number) => {
  const reservedAt = instantFromMillis(at);
  const sample = sampleOwnership({
    plan,
    owner: request.owner,
    shares: request.shares,
    id: `own_bare_${request.key}`,
    at: reservedAt,
  });
  const ownership: Ownership = {
    ...sample,
    status: "pending_payment",
    holdExpiresAt: addMillis(reservedAt, 30 * 60_000),
    payment: {
      id: `pi_bare_${request.key}`,
      status: "pending",
      checkoutUrl: `http://127.0.0.1/checkout/pi_bare_${request.key}`,
      expiresAt: addMillis(reservedAt, 30 * 60_000),
      amountYen: sample.quote.totalYen,
    },
  };
  const command: ReserveCommand = {
    ownership,
    producerId: plan.producerId,
    totalShares: plan.totalShares,
    maxSharesPerOwner: plan.maxSharesPerOwner,
    ledgerEntries: [],
    audit: [
      ownershipReserved(
        {
          id: auditEntryId(`aud_bare_${request.key}`),
          at: reservedAt,
          actor: { id: request.owner, role: "owner" },
        },
        ownership,
      ),
    ],
  };
  return reserveTransaction(tableName, command).items;
};

/** The same requests as bare TransactWriteItems, same order and concurrency: the wall time. */
const bareRun = async (
  input: FlashSaleInput,
  plan: Plan,
  requests: readonly CrowdRequest[],
): Promise<{ ms: number; counts: Record<string, number> }> => {
  const { doc, tableName } = input.dynamo;
  const at = input.clock.millis();
  const transactions = requests.map((r) => bareReservation(tableName, plan, r, at));
  const started = performance.now();
  const outcomes = await runPooled(transactions, input.concurrency, async (items) => {
    try {
      await doc.send(new TransactWriteCommand({ TransactItems: items }));
      return "written";
    } catch (error) {
      // Sold out, over the cap or a repeat: refused by a condition, as the API's write would be.
      const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons;
      return (reasons ?? []).some((r) => r.Code === "ConditionalCheckFailed")
        ? "refused"
        : `failed ${(error as { name?: string }).name}`;
    }
  });
  const ms = performance.now() - started;
  const counts: Record<string, number> = {};
  for (const o of outcomes) counts[o] = (counts[o] ?? 0) + 1;
  return { ms, counts };
};

export interface FlashSaleFigures {
  readonly line: string;
  readonly notes: readonly string[];
}

/**
 * BENCH flash-sale: a plan of `totalShares` opens to its producer's returning owners first, then
 * to everyone; `owners` distinct owners (the first `returning` of them returning owners, who come
 * in the early window) ask for 1 to `maxShares` shares as fast as the machine allows, some
 * resending the same request, some asking again. Over HTTP to the API on Node over DynamoDB
 * Local. "Sold" is shares held: every 201 is a hold (pending_payment, with its checkout) that
 * takes its shares from the supply until paid or released, so holds count against the 200.
 * ratio = the HTTP run's wall time (both phases, not the wait between them) over the same
 * requests sent as bare TransactWriteItems at the same concurrency on the same engine.
 */
export const flashSale = async (input: FlashSaleInput): Promise<FlashSaleFigures> => {
  const { api } = input;
  const producerId = "producer-flash";
  const workload = crowdWorkload("flash", {
    owners: input.owners,
    returning: input.returning,
    maxShares: input.maxShares,
    repeatRate: 0.2,
    askAgainRate: 0.1,
    seed: 18,
  });
  const requests = [...workload.early, ...workload.open];
  const returning = Array.from({ length: input.returning }, (_, i) => ownerName("flash", i));
  await givenReturningOwners(api, producerId, returning);

  const flashId = await openBenchPlan(api, input.totalShares, {
    producerId,
    maxSharesPerOwner: input.maxShares,
    opensInMs: HOUR_MS,
    earlyAccessMs: 2 * HOUR_MS,
    nowMs: input.clock.millis(),
  });
  const baselineId = await openBenchPlan(api, input.totalShares, {
    producerId: "producer-flash-baseline",
    maxSharesPerOwner: input.maxShares,
    nowMs: input.clock.millis(),
  });
  const target: CrowdTarget = { ...input.target, planId: flashId };
  const tokens = await tokensFor(
    target,
    requests.map((r) => r.owner),
  );

  const bare = await bareRun(input, await planOf(api, baselineId), requests);
  const bareMs = bare.ms;

  const early = await sendCrowd(target, tokens, workload.early, {
    concurrency: input.concurrency,
  });
  const soldEarly = tallyCrowd(early.answers).answeredShares;
  input.clock.advance(HOUR_MS + 1_000);
  const open = await sendCrowd(target, tokens, workload.open, { concurrency: input.concurrency });

  const answers = [...early.answers, ...open.answers];
  const tally = tallyCrowd(answers);
  const plan = await planOf(api, flashId);
  const sold = plan.sharesSold;
  const wallMs = early.wallMs + open.wallMs;
  const times = answers.map((a) => a.ms);
  const line = [
    "BENCH flash-sale",
    `requests=${tally.requests}`,
    `sold=${sold}`,
    `oversold=${Math.max(0, sold - input.totalShares, tally.answeredShares - input.totalShares)}`,
    `errors5xx=${tally.errors5xx}`,
    `p50_ms=${round(percentile(times, 0.5), 1)}`,
    `p99_ms=${round(percentile(times, 0.99), 1)}`,
    `rps=${Math.round((tally.requests * 1000) / wallMs)}`,
    `ratio=${round(wallMs / bareMs)}`,
  ].join(" ");
  return {
    line,
    notes: [
      `# flash-sale: ${input.owners} owners (${input.returning} returning, in the early window), ${input.totalShares} shares, cap ${input.maxShares}, ${input.concurrency} in flight; sold = shares held (holds + paid) by the plan's counter, ${tally.answeredShares} by the distinct 201s`,
      `# flash-sale answers: 201 new=${tally.created} replayed=${tally.replays}, 409 PLAN.SOLD_OUT=${tally.soldOut} PLAN.OWNER_LIMIT=${tally.overLimit}, unclean=${tally.unclean} ${JSON.stringify(tally.others)}; early window sold ${soldEarly}`,
      ...(tally.example === undefined
        ? []
        : [`# flash-sale unclean example: ${JSON.stringify(tally.example)}`]),
      `# flash-sale wall: http ${Math.round(wallMs)} ms (early ${Math.round(early.wallMs)} + open ${Math.round(open.wallMs)}), bare TransactWriteItems ${Math.round(bareMs)} ms ${JSON.stringify(bare.counts)}`,
    ],
  };
};
