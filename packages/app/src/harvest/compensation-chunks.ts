import type { ShortfallWrite } from "./shortfall-ledger.ts";

/**
 * Items one store transaction may carry (DynamoDB's TransactWriteItems limit), less the plan's
 * tally that moves with the entries in each.
 */
export const TRANSACTION_ITEM_BUDGET = 100 - 1;

/** A refund's transaction items: its ledger entries and its audit entry. */
const refundItems = (write: ShortfallWrite): number =>
  write.refund === undefined ? 0 : write.refund.entries.length + 1;

/** A credit's transaction items: its ledger entries, its audit entry and the balance it moves. */
const creditItems = (write: ShortfallWrite): number =>
  write.credit === undefined ? 0 : write.credit.entries.length + 2;

/**
 * Groups the writes, in order, into chunks whose refunds fit one transaction and whose credits fit
 * another: as many ownerships per round trip as the limit allows (a transaction's cost is mostly
 * per call), and every ownership's money, audit and tally always in the same transaction.
 */
export const compensationChunks = (
  writes: readonly ShortfallWrite[],
  budget: number = TRANSACTION_ITEM_BUDGET,
): ShortfallWrite[][] => {
  const chunks: ShortfallWrite[][] = [];
  let chunk: ShortfallWrite[] = [];
  let refunds = 0;
  let credits = 0;
  for (const write of writes) {
    const refund = refundItems(write);
    const credit = creditItems(write);
    if (chunk.length > 0 && (refunds + refund > budget || credits + credit > budget)) {
      chunks.push(chunk);
      chunk = [];
      refunds = 0;
      credits = 0;
    }
    chunk.push(write);
    refunds += refund;
    credits += credit;
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
};
