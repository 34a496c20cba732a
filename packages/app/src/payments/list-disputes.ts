import type { Ownership } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { requireAdmin } from "../access.ts";
import type { Actor } from "../actor.ts";
import type { AppError } from "../errors.ts";
import { DEFAULT_PAGE_LIMIT, type Page, type PageRequest } from "../pagination.ts";
import type { OwnershipStore } from "../ports/ownership-store.ts";

/**
 * GET /admin/disputes: the ownerships the payment webhook flagged disputed (dispute.opened), for
 * admins to follow up with the processor, the producer and the owner.
 */
export const listDisputes =
  (deps: { readonly ownerships: OwnershipStore }) =>
  (
    actor: Actor,
    input: { readonly page?: PageRequest },
  ): TE.TaskEither<AppError, Page<Ownership>> =>
    pipe(
      requireAdmin(actor),
      TE.chain(() => deps.ownerships.listDisputed(input.page ?? { limit: DEFAULT_PAGE_LIMIT })),
    );
