import type { ItemKey } from "./reservation-keys.ts";

/** The keys of producers' payout accounts (README: "Payout accounts"). */
export const payoutAccountKeys = {
  /** One item per producer. */
  item: (producerId: string): ItemKey => ({ PK: `PAYOUT#${producerId}`, SK: "ACCOUNT" }),
  /** GSI1: the producer holding a processor account (what the processor's events name). */
  byAccount: (accountId: string) => `PAYOUTACCOUNT#${accountId}`,
  byAccountSort: "ACCOUNT",
} as const;
