import { seededRandom } from "@owners/app/testing";

/** One reservation request of the crowd: who, how many, under which Idempotency-Key. */
export interface CrowdRequest {
  readonly owner: string;
  readonly shares: number;
  readonly key: string;
  /** A resend of an earlier request (same key and body): answered like it, never a second hold. */
  readonly repeat: boolean;
}

export interface CrowdShape {
  readonly owners: number;
  /** The first owners of the list, who come in the returning owners' early window. */
  readonly returning: number;
  readonly maxShares: number;
  /** Share of owners who resend their request with the same key (a retry or a double click). */
  readonly repeatRate: number;
  /** Share of owners who ask again with a new key (more shares; past the cap, OWNER_LIMIT); three times as many returning owners. */
  readonly askAgainRate: number;
  readonly seed: number;
}

export interface CrowdWorkload {
  /** The returning owners' requests, sent in the early window. */
  readonly early: readonly CrowdRequest[];
  /** Everyone else's, sent once the sale opens. */
  readonly open: readonly CrowdRequest[];
}

export const ownerName = (prefix: string, i: number) => `${prefix}-${String(i).padStart(5, "0")}`;

const shuffled = <T>(items: T[], random: () => number): T[] => {
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
};

/**
 * A flash-sale crowd: every owner asks for 1 to `maxShares` shares once; some resend the same
 * request (same key and body) a little later, some ask again under a new key. Deterministic for
 * a seed, so the HTTP run and its bare-transaction baseline send the same writes.
 */
export const crowdWorkload = (prefix: string, shape: CrowdShape): CrowdWorkload => {
  const random = seededRandom(shape.seed);
  const early: CrowdRequest[] = [];
  const open: CrowdRequest[] = [];
  for (let i = 0; i < shape.owners; i += 1) {
    const owner = ownerName(prefix, i);
    const first: CrowdRequest = {
      owner,
      shares: 1 + Math.floor(random() * shape.maxShares),
      key: `${owner}-1`,
      repeat: false,
    };
    const list = i < shape.returning ? early : open;
    list.push(first);
    if (random() < shape.repeatRate) list.push({ ...first, repeat: true });
    // A returning owner asking again does so in the early window too (past the cap: OWNER_LIMIT).
    if (random() < (i < shape.returning ? 3 * shape.askAgainRate : shape.askAgainRate))
      list.push({
        owner,
        shares: 1 + Math.floor(random() * shape.maxShares),
        key: `${owner}-2`,
        repeat: false,
      });
  }
  return { early: shuffled(early, random), open: shuffled(open, random) };
};
