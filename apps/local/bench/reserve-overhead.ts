import { type Api, signDevToken } from "@owners/api";
import type { Actor } from "@owners/app";
import * as E from "fp-ts/lib/Either.js";
import { median, round } from "./stats.ts";

export interface ReserveOverheadInput {
  readonly api: Api;
  readonly apiUrl: string;
  readonly planId: string;
  readonly jwtSecret: string;
  readonly issuer: string;
  /** Measured reservations per path (interleaved), after `warmup` unmeasured ones each. */
  readonly pairs: number;
  readonly warmup: number;
}

export interface ReserveOverhead {
  readonly httpMs: number;
  readonly directMs: number;
  readonly ratio: number;
}

/**
 * BENCH api-reserve-overhead: the median time of a reservation through the local HTTP server
 * (fetch, JSON, auth, validation, the use case, the answer) over the median of the same use case
 * called directly, on the same store in the same run. Every reservation is a new owner taking one
 * share, so both paths do the same writes.
 */
export const reserveOverhead = async (input: ReserveOverheadInput): Promise<ReserveOverhead> => {
  const { api, planId } = input;
  const total = input.pairs + input.warmup;
  const owners = Array.from({ length: total }, (_, i) => i);
  const tokens = await Promise.all(
    owners.map((i) =>
      signDevToken({ id: `owner-http-${i}`, role: "owner" }, input.jwtSecret, input.issuer),
    ),
  );

  const viaHttp = async (i: number): Promise<number> => {
    const started = performance.now();
    const response = await fetch(`${input.apiUrl}/plans/${planId}/reservations`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${tokens[i]}`,
        "content-type": "application/json",
        "idempotency-key": `bench-http-${i}`,
      },
      body: JSON.stringify({ shares: 1, shippingRegion: "kanto" }),
    });
    const body = await response.text();
    const ms = performance.now() - started;
    if (response.status !== 201)
      throw new Error(`HTTP reservation answered ${response.status}: ${body}`);
    return ms;
  };
  const direct = async (i: number): Promise<number> => {
    const actor: Actor = { id: `owner-direct-${i}`, role: "owner" };
    const started = performance.now();
    const result = await api.useCases.reservations.reserveShares(actor, {
      planId,
      shares: 1,
      shippingRegion: "kanto",
      idempotencyKey: `bench-direct-${i}`,
    })();
    const ms = performance.now() - started;
    if (E.isLeft(result)) throw new Error(`direct reservation failed: ${result.left._tag}`);
    return ms;
  };

  const httpTimes: number[] = [];
  const directTimes: number[] = [];
  for (const i of owners) {
    // Alternate which path goes first, so neither always follows the other.
    const [h, d] =
      i % 2 === 0
        ? [await viaHttp(i), await direct(i)]
        : await direct(i).then(async (d) => [await viaHttp(i), d] as const);
    if (i >= input.warmup) {
      httpTimes.push(h);
      directTimes.push(d);
    }
  }
  const httpMs = median(httpTimes);
  const directMs = median(directTimes);
  return {
    httpMs: round(httpMs, 3),
    directMs: round(directMs, 3),
    ratio: round(httpMs / directMs),
  };
};
