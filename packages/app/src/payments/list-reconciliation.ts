import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { requireAdmin } from "../access.ts";
import type { Actor } from "../actor.ts";
import type { AppError } from "../errors.ts";
import type {
  ReconciliationMismatch,
  ReconciliationMismatches,
} from "../ports/reconciliation-mismatches.ts";

/** GET /admin/reconciliation: the plans whose ledger and processor disagree, for admins only. */
export const listReconciliationMismatches =
  (deps: { readonly reconciliation: ReconciliationMismatches }) =>
  (actor: Actor): TE.TaskEither<AppError, readonly ReconciliationMismatch[]> =>
    pipe(
      requireAdmin(actor),
      TE.chain(() => deps.reconciliation.list()),
    );
