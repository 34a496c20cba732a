import { signDevToken } from "@owners/api";
import { runPooled } from "@owners/app";
import type { CrowdRequest } from "./crowd-workload.ts";

/** What the API answered one request of the crowd. */
export interface CrowdAnswer {
  readonly request: CrowdRequest;
  /** The HTTP status, or 0 when no answer came (a dropped connection counts as a 5xx). */
  readonly status: number;
  /** The problem's code (409s and the rest). */
  readonly code?: string;
  readonly detail?: string;
  readonly ownershipId?: string;
  readonly shares?: number;
  readonly ms: number;
}

export interface CrowdRun {
  readonly answers: readonly CrowdAnswer[];
  readonly wallMs: number;
}

export interface CrowdTarget {
  readonly apiUrl: string;
  readonly planId: string;
  readonly jwtSecret: string;
  readonly issuer: string;
}

/** A dev-login token per owner, signed before the clock starts. */
export const tokensFor = async (target: CrowdTarget, owners: Iterable<string>) => {
  const tokens = new Map<string, string>();
  for (const owner of new Set(owners))
    tokens.set(
      owner,
      await signDevToken({ id: owner, role: "owner" }, target.jwtSecret, target.issuer),
    );
  return tokens;
};

const send = async (
  target: CrowdTarget,
  tokens: ReadonlyMap<string, string>,
  request: CrowdRequest,
): Promise<CrowdAnswer> => {
  const started = performance.now();
  try {
    const response = await fetch(`${target.apiUrl}/plans/${target.planId}/reservations`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${tokens.get(request.owner)}`,
        "content-type": "application/json",
        "idempotency-key": request.key,
      },
      body: JSON.stringify({ shares: request.shares, shippingRegion: "kanto" }),
    });
    const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    const ms = performance.now() - started;
    return response.status === 201
      ? {
          request,
          status: 201,
          ownershipId: String(body.id),
          shares: Number(body.shares),
          ms,
        }
      : {
          request,
          status: response.status,
          code: String(body.code ?? ""),
          detail: String(body.detail ?? ""),
          ms,
        };
  } catch (error) {
    return { request, status: 0, code: String(error), ms: performance.now() - started };
  }
};

/**
 * Sends the requests with at most `concurrency` in flight (each as soon as a slot frees: as fast
 * as the machine allows), or, with `perSecond`, each at its arrival time whatever is in flight
 * (an open crowd arriving at a rate).
 */
export const sendCrowd = async (
  target: CrowdTarget,
  tokens: ReadonlyMap<string, string>,
  requests: readonly CrowdRequest[],
  pace: { readonly concurrency: number } | { readonly perSecond: number },
): Promise<CrowdRun> => {
  const started = performance.now();
  const answers =
    "concurrency" in pace
      ? await runPooled(requests, pace.concurrency, (r) => send(target, tokens, r))
      : await Promise.all(
          requests.map(
            (r, i) =>
              new Promise<CrowdAnswer>((resolve) => {
                setTimeout(() => resolve(send(target, tokens, r)), (i * 1000) / pace.perSecond);
              }),
          ),
        );
  return { answers, wallMs: performance.now() - started };
};

export interface CrowdTally {
  readonly requests: number;
  /** Shares of the distinct ownerships answered 201 (a replay names the same ownership). */
  readonly answeredShares: number;
  readonly created: number;
  readonly replays: number;
  readonly soldOut: number;
  readonly overLimit: number;
  /** Refusals that are neither 409 PLAN.SOLD_OUT nor 409 PLAN.OWNER_LIMIT, nor a 5xx. */
  readonly unclean: number;
  readonly errors5xx: number;
  /** What the unclean and 5xx answers were, by status and code. */
  readonly others: Readonly<Record<string, number>>;
  /** One of them in full, to go and look. */
  readonly example?: CrowdAnswer;
}

export const tallyCrowd = (answers: readonly CrowdAnswer[]): CrowdTally => {
  const ownerships = new Map<string, number>();
  let created = 0;
  let replays = 0;
  let soldOut = 0;
  let overLimit = 0;
  let unclean = 0;
  let errors5xx = 0;
  const others: Record<string, number> = {};
  let example: CrowdAnswer | undefined;
  for (const a of answers) {
    if (a.status === 201 && a.ownershipId !== undefined) {
      if (ownerships.has(a.ownershipId)) replays += 1;
      else created += 1;
      ownerships.set(a.ownershipId, a.shares ?? 0);
    } else if (a.status === 409 && a.code === "PLAN.SOLD_OUT") soldOut += 1;
    else if (a.status === 409 && a.code === "PLAN.OWNER_LIMIT") overLimit += 1;
    else {
      if (a.status === 0 || a.status >= 500) errors5xx += 1;
      else unclean += 1;
      const what = `${a.status} ${a.code ?? ""}`;
      others[what] = (others[what] ?? 0) + 1;
      example ??= a;
    }
  }
  return {
    requests: answers.length,
    answeredShares: [...ownerships.values()].reduce((n, s) => n + s, 0),
    created,
    replays,
    soldOut,
    overLimit,
    unclean,
    errors5xx,
    others,
    ...(example === undefined ? {} : { example }),
  };
};
