import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { MemoryPaymentGateway } from "@owners/adapter-memory";
import {
  type AppError,
  type BackoffPolicy,
  expireUnpaidHolds,
  type ReservationResult,
  type ReservationStores,
  reserveShares,
  SYSTEM_ACTOR,
} from "@owners/app";
import {
  collectPages,
  makeReservationKit,
  type ReservationKit,
  seededRandom,
  succeed,
} from "@owners/app/testing";
import { checkBalanced, type Ownership, type Plan } from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";

/**
 * Retry budgets for stress tests on DynamoDB Local: with a hundred requests in flight on a shared
 * 2-core machine a try takes up to a second there (about 10 ms on DynamoDB), so the production
 * budgets (a few seconds) would cut off the retries whose outcome these tests check. Same
 * backoff, scaled budget.
 */
export const LOADED_ENGINE_RETRY: BackoffPolicy = {
  budgetMs: 60_000,
  baseDelayMs: 10,
  maxDelayMs: 1_000,
};

export interface Attempt {
  readonly owner: string;
  readonly shares: number;
  readonly key: string;
  /** True when this attempt repeats an earlier attempt's key and body (a client retry). */
  readonly repeat: boolean;
}

/** `count` attempts by `owners` owners, 1 to 3 shares each; about one in five repeats an earlier request. */
export const contentionWorkload = (count: number, owners: number, seed = 42): Attempt[] => {
  const random = seededRandom(seed);
  const made: Attempt[] = [];
  for (let i = 0; i < count; i += 1) {
    const owner = `owner_${Math.floor(random() * owners)}`;
    const earlier = made.filter((a) => a.owner === owner && !a.repeat);
    const previous = earlier[Math.floor(random() * earlier.length)];
    if (previous !== undefined && random() < 0.2) made.push({ ...previous, repeat: true });
    else made.push({ owner, shares: 1 + Math.floor(random() * 3), key: `key-${i}`, repeat: false });
  }
  return made;
};

/** How an ownership's checkout ends: paid, failed (webhook), or left to expire (hold expiry). */
export type CheckoutFate = "succeeded" | "failed" | "expired";

export interface ContentionRun {
  readonly kit: ReservationKit;
  readonly plan: Plan;
  readonly attempts: readonly Attempt[];
  readonly results: readonly E.Either<AppError, ReservationResult>[];
  readonly ms: number;
  /** The ownerships made, with how each one's payment ended. */
  readonly fates: ReadonlyMap<string, { readonly shares: number; readonly fate: CheckoutFate }>;
}

/** A plan of `totalShares` (max `maxPerOwner` each) and every attempt fired at once through the use case. */
export const runContention = async (
  stores: ReservationStores,
  options: {
    totalShares: number;
    maxPerOwner: number;
    attempts: number;
    owners: number;
    /** A first-N price tier makes every quote depend on the exact count sold: conflicts, re-quotes. */
    firstSharesTier?: number;
    payments?: MemoryPaymentGateway;
    /** How long a reservation keeps retrying lost races (the production default otherwise). */
    conflictRetry?: BackoffPolicy;
    /** How the n-th ownership made ends its payment (all paid by default). */
    fate?: (n: number) => CheckoutFate;
  },
): Promise<ContentionRun> => {
  const kit = makeReservationKit({
    stores,
    ...(options.conflictRetry === undefined
      ? {}
      : { config: { conflictRetry: options.conflictRetry } }),
    ...(options.payments === undefined ? {} : { payments: options.payments }),
  });
  const plan = await kit.givenOpenPlan({
    totalShares: options.totalShares,
    maxSharesPerOwner: options.maxPerOwner,
    pricing: {
      basePriceYen: 4_980,
      tiers: [
        { kind: "earlyBird", until: "2026-06-15T00:00:00.000Z", priceYen: 4_480 },
        ...(options.firstSharesTier === undefined
          ? []
          : [{ kind: "firstShares" as const, count: options.firstSharesTier, priceYen: 3_980 }]),
      ],
      shippingSurchargeYen: { kanto: 770, hokkaido: 1_870 },
    },
  });
  const attempts = contentionWorkload(options.attempts, options.owners);
  const reserve = reserveShares(kit.deps);
  const started = performance.now();
  const results = await Promise.all(
    attempts.map((a) =>
      reserve(
        { id: a.owner, role: "owner" },
        { planId: plan.id, shares: a.shares, shippingRegion: "kanto", idempotencyKey: a.key },
      )(),
    ),
  );
  const ms = performance.now() - started;
  // Then every checkout ends, all at once: paid or failed by webhook, or left until its hold ends.
  const made = results.flatMap((r) =>
    E.isRight(r) && !r.right.replayed ? [r.right.ownership] : [],
  );
  const fates = new Map(
    made.map((o, n) => [
      o.id as string,
      { shares: o.shares, fate: options.fate?.(n) ?? "succeeded" },
    ]),
  );
  await Promise.all(
    made.map(async (o) => {
      const fate = fates.get(o.id)?.fate ?? "succeeded";
      if (fate === "expired") return;
      // As the processor does, a delivery the API could not complete is sent again.
      const event = kit.settle(o, fate);
      for (let tries = 1; ; tries += 1) {
        const answer = await kit.deliver(event)();
        if (E.isRight(answer)) return;
        if (tries >= 30 || answer.left._tag !== "STORE.UNAVAILABLE")
          throw new Error(`webhook for ${o.id}: ${answer.left._tag}`);
      }
    }),
  );
  // Holds nobody was answered for (the store lost the answer, or the checkout was never recorded)
  // are released by hold expiry too, as they would be in production.
  const held = await collectPages((page) => kit.deps.ownerships.listByPlan(plan.id, page), 100);
  const unanswered = held.items.some((o) => o.status === "pending_payment" && !fates.has(o.id));
  if (unanswered || [...fates.values()].some((f) => f.fate === "expired")) {
    kit.clock.advance(plan.paymentHoldMinutes * 60_000);
    // Runs until nothing is left, as the hourly batch would (a hold that failed waits for the next).
    for (let runs = 1; ; runs += 1) {
      const report = await expireUnpaidHolds(kit.deps)(SYSTEM_ACTOR, { limit: 100 })();
      if (E.isRight(report) && !report.right.more && report.right.failures.length === 0) break;
      if (runs >= 30) throw new Error(`holds still not expired: ${JSON.stringify(report)}`);
    }
  }
  return { kit, plan, attempts, results, ms, fates };
};

export interface ContentionReport {
  readonly sold: number;
  /** Shares of paid ownerships. */
  readonly paidShares: number;
  /** Ownerships still pending payment (none once every checkout ended). */
  readonly pending: number;
  /** Shares of the ownerships whose payment failed or expired, and whether exactly those were released. */
  readonly releasedShares: number;
  readonly oversold: number;
  /** Ownerships or charges beyond one per (owner, key). */
  readonly duplicates: number;
  readonly ownersOverCap: number;
  readonly ledgerBalanced: boolean;
  readonly ledgerChargedYen: number;
  readonly gatewayChargedYen: number;
  readonly ownershipsYen: number;
  readonly failures: Readonly<Record<string, number>>;
  readonly answersPerKeyAgree: boolean;
}

/** Reads everything back from the store and the gateway and counts what went wrong. */
export const contentionReport = async (
  run: ContentionRun,
  maxPerOwner: number,
): Promise<ContentionReport> => {
  const { deps, payments } = run.kit;
  const plan = await succeed(deps.plans.get(run.plan.id));
  const sold = plan._tag === "Some" ? plan.value.sharesSold : -1;
  const all = (await collectPages((page) => deps.ownerships.listByPlan(run.plan.id, page), 100))
    .items;
  const active = all.filter((o) => o.status === "active");
  const perOwner = new Map<string, number>();
  for (const o of active) perOwner.set(o.ownerId, (perOwner.get(o.ownerId) ?? 0) + o.shares);
  const perKey = new Map<string, Ownership[]>();
  for (const o of all)
    perKey.set(`${o.ownerId}|${o.idempotencyKey}`, [
      ...(perKey.get(`${o.ownerId}|${o.idempotencyKey}`) ?? []),
      o,
    ]);
  const charges = payments.movements().filter((m) => m.kind === "charge");
  const chargesPerKey = new Map<string, number>();
  for (const c of charges)
    chargesPerKey.set(c.idempotencyKey, (chargesPerKey.get(c.idempotencyKey) ?? 0) + 1);
  const duplicateOwnerships = [...perKey.values()].reduce((n, list) => n + list.length - 1, 0);
  const duplicateCharges = [...chargesPerKey.values()].reduce((n, count) => n + count - 1, 0);
  const answers = new Map<string, Set<string>>();
  const failures: Record<string, number> = {};
  run.results.forEach((result, i) => {
    const a = run.attempts[i] as Attempt;
    if (E.isLeft(result)) failures[result.left._tag] = (failures[result.left._tag] ?? 0) + 1;
    else
      answers.set(
        `${a.owner}|${a.key}`,
        new Set([...(answers.get(`${a.owner}|${a.key}`) ?? []), result.right.ownership.id]),
      );
  });
  const ledger = await succeed(deps.ledger.listByPlan(run.plan.id));
  const balance = checkBalanced(ledger);
  const failed = new Set(
    [...run.fates.entries()].filter(([, f]) => f.fate !== "succeeded").map(([id]) => id),
  );
  return {
    sold,
    paidShares: active.reduce((n, o) => n + o.shares, 0),
    pending: all.filter((o) => o.status === "pending_payment").length,
    releasedShares: all
      .filter((o) => o.status === "payment_failed" && failed.has(o.id))
      .reduce((n, o) => n + o.shares, 0),
    oversold: Math.max(
      0,
      sold - run.plan.totalShares,
      active.reduce((n, o) => n + o.shares, 0) - run.plan.totalShares,
    ),
    duplicates: duplicateOwnerships + duplicateCharges,
    ownersOverCap: [...perOwner.values()].filter((n) => n > maxPerOwner).length,
    ledgerBalanced: E.isRight(balance),
    ledgerChargedYen: E.isRight(balance)
      ? balance.right.chargesYen - balance.right.refundsYen
      : Number.NaN,
    gatewayChargedYen: payments.totals().chargedYen - payments.totals().refundedYen,
    ownershipsYen: active.reduce((n, o) => n + o.quote.totalYen, 0),
    failures,
    answersPerKeyAgree: [...answers.values()].every((ids) => ids.size === 1),
  };
};

export interface ConflictCounts {
  /** TransactWriteItems cancelled by DynamoDB (a condition failed or another transaction held an item). */
  transactionsCancelled: number;
  /** Single writes refused by their condition. */
  conditionsFailed: number;
}

/**
 * Counts the races DynamoDB actually refused, with middleware on the client: a contention test
 * that saw none proved nothing about how races are handled.
 */
export const countConflicts = (doc: DynamoDBDocumentClient): ConflictCounts => {
  const counts: ConflictCounts = { transactionsCancelled: 0, conditionsFailed: 0 };
  doc.middlewareStack.add(
    (next) => async (args) => {
      try {
        return await next(args);
      } catch (error) {
        const name = (error as { name?: string }).name;
        if (name === "TransactionCanceledException") counts.transactionsCancelled += 1;
        if (name === "ConditionalCheckFailedException") counts.conditionsFailed += 1;
        throw error;
      }
    },
    { step: "finalizeRequest", name: "countConflicts" },
  );
  return counts;
};
