import type { UpdateComment } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { requireAdmin } from "../access.ts";
import type { Actor } from "../actor.ts";
import type { AppError } from "../errors.ts";
import { DEFAULT_PAGE_LIMIT, type Page, type PageRequest } from "../pagination.ts";
import type { CommunicationRepository } from "../ports/communication-repository.ts";

/** GET /admin/comments: every plan's comments, newest first, hidden ones too (admins only). */
export const listRecentComments =
  (deps: { readonly communication: CommunicationRepository }) =>
  (
    actor: Actor,
    input: { readonly page?: PageRequest },
  ): TE.TaskEither<AppError, Page<UpdateComment>> =>
    pipe(
      requireAdmin(actor),
      TE.chain(() =>
        deps.communication.listRecentComments(input.page ?? { limit: DEFAULT_PAGE_LIMIT }),
      ),
    );
