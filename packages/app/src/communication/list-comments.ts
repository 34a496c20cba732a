import type { UpdateComment, UpdateId } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { Actor } from "../actor.ts";
import type { AppError } from "../errors.ts";
import { DEFAULT_PAGE_LIMIT, type Page, type PageRequest } from "../pagination.ts";
import type { CommunicationRepository } from "../ports/communication-repository.ts";
import type { OwnershipStore } from "../ports/ownership-store.ts";
import type { PlanRepository } from "../ports/plan-repository.ts";
import { visibleUpdate } from "./visible-update.ts";

export interface ListCommentsDeps {
  readonly plans: PlanRepository;
  readonly ownerships: OwnershipStore;
  readonly communication: CommunicationRepository;
}

export interface ListCommentsInput {
  readonly updateId: UpdateId;
  readonly page?: PageRequest;
}

/**
 * An update's comments, oldest first; hidden (UPDATE.NOT_FOUND) wherever the update is. Comments
 * an admin hid are listed for admins only.
 */
export const listComments =
  (deps: ListCommentsDeps) =>
  (
    actor: Actor | undefined,
    input: ListCommentsInput,
  ): TE.TaskEither<AppError, Page<UpdateComment>> =>
    pipe(
      visibleUpdate(deps, actor, input.updateId),
      TE.chain(({ update }) =>
        deps.communication.listComments(update.id, input.page ?? { limit: DEFAULT_PAGE_LIMIT }, {
          includeHidden: actor?.role === "admin",
        }),
      ),
    );
