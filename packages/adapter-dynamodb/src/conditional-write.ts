import type { AppError } from "@owners/app";
import * as E from "fp-ts/lib/Either.js";
import type * as TE from "fp-ts/lib/TaskEither.js";
import {
  type CancellationReason,
  cancellationReasons,
  conditionFailedItem,
  storeUnavailable,
} from "./dynamo-errors.ts";
import type { Item } from "./item.ts";

/**
 * Sends one conditional single-item write (the client retries throttling). A failed condition is a
 * business answer, decided by `onConditionFailed` from the item as it was (when the write asked
 * for ReturnValuesOnConditionCheckFailure); anything else is STORE.UNAVAILABLE.
 */
export const conditionalWrite =
  <A>(
    send: () => Promise<A>,
    onConditionFailed: (old: Item | undefined) => E.Either<AppError, A>,
  ): TE.TaskEither<AppError, A> =>
  async () => {
    try {
      return E.right(await send());
    } catch (error) {
      const failed = conditionFailedItem(error);
      return failed.failed ? onConditionFailed(failed.item) : E.left(storeUnavailable(error));
    }
  };

/**
 * Sends one TransactWriteItems (the client retries throttling and TransactionConflict). A
 * transaction cancelled by failed conditions is decided by `onCancelled` from the reasons, aligned
 * with the transaction's items; anything else is STORE.UNAVAILABLE.
 */
export const transaction =
  <A>(
    send: () => Promise<A>,
    onCancelled: (reasons: readonly CancellationReason[]) => E.Either<AppError, A>,
  ): TE.TaskEither<AppError, A> =>
  async () => {
    try {
      return E.right(await send());
    } catch (error) {
      const reasons = cancellationReasons(error);
      return reasons?.some((r) => r.code === "ConditionalCheckFailed")
        ? onCancelled(reasons)
        : E.left(storeUnavailable(error));
    }
  };
