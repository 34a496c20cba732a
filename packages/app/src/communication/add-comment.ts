import {
  commentId,
  type OwnerId,
  type ProducerId,
  postComment,
  type UpdateComment,
  type UpdateId,
} from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { Actor } from "../actor.ts";
import type { AppError } from "../errors.ts";
import { fromDomain } from "../harvest/from-domain.ts";
import type { Clock } from "../ports/clock.ts";
import type { CommunicationRepository } from "../ports/communication-repository.ts";
import type { IdGenerator } from "../ports/id-generator.ts";
import type { OwnershipStore } from "../ports/ownership-store.ts";
import type { PlanRepository } from "../ports/plan-repository.ts";
import { visibleUpdate } from "./visible-update.ts";

export interface AddCommentDeps {
  readonly plans: PlanRepository;
  readonly ownerships: OwnershipStore;
  readonly communication: CommunicationRepository;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

export interface AddCommentInput {
  readonly updateId: UpdateId;
  readonly body: string;
}

/** An owner of the plan (or its producer, answering) comments on an update it can see. */
export const addComment =
  (deps: AddCommentDeps) =>
  (actor: Actor, input: AddCommentInput): TE.TaskEither<AppError, UpdateComment> =>
    pipe(
      visibleUpdate(deps, actor, input.updateId),
      TE.chain(({ update, viewer }) =>
        fromDomain(
          postComment(update, {
            id: commentId(deps.ids.next("cmt")),
            author: {
              id: actor.id as OwnerId | ProducerId,
              isOwnerOfPlan: viewer?.isOwnerOfPlan ?? false,
              isProducerOfPlan: viewer?.isProducerOfPlan ?? false,
            },
            body: input.body,
            postedAt: deps.clock.now(),
          }),
        ),
      ),
      TE.chain((comment) => deps.communication.addComment(comment)),
    );
