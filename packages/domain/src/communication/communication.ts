import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import type { Plan } from "../plans/plan.ts";
import { type DomainError, fail } from "../shared/errors.ts";
import type { CommentId, OwnerId, PlanId, ProducerId, UpdateId } from "../shared/ids.ts";
import { type Instant, isInstant } from "../shared/time.ts";
import type { CommentHiding } from "./comment-moderation.ts";

/** Who may read an update: everyone, or only the plan's owners (and its producer). */
export type UpdateVisibility = "public" | "owners";

/** A producer's news from the field: text and photos, posted to one plan. */
export interface PlanUpdate {
  readonly id: UpdateId;
  readonly planId: PlanId;
  readonly producerId: ProducerId;
  readonly body: string;
  /** Object keys of uploaded photos (the BlobStore's keys, not URLs). */
  readonly photoKeys: readonly string[];
  readonly visibility: UpdateVisibility;
  readonly postedAt: Instant;
}

/** An owner's (or the producer's) reply under an update. */
export interface UpdateComment {
  readonly id: CommentId;
  readonly updateId: UpdateId;
  readonly authorId: OwnerId | ProducerId;
  readonly body: string;
  readonly postedAt: Instant;
  /** Set when an admin hid it (moderation): out of every list but the admins'. */
  readonly hidden?: CommentHiding;
}

/** The reader or writer, with their relation to the plan already looked up by the caller. */
export interface PlanViewer {
  readonly id: string;
  /** Holds an active ownership of the plan. */
  readonly isOwnerOfPlan: boolean;
  readonly isProducerOfPlan: boolean;
}

/** Counted in characters (code points), so Japanese text and emoji count as people see them. */
export const MAX_COMMUNICATION_BODY_CHARS = 5000;
/** Keeps an update (a storage item) small; more photos belong in another update. */
export const MAX_PHOTOS_PER_UPDATE = 10;

type Invalid = DomainError<"COMMUNICATION.INVALID">;

const checkBody = (body: string): E.Either<Invalid, string> => {
  if (typeof body !== "string" || body.trim() === "")
    return fail("COMMUNICATION.INVALID", "body must not be empty", { field: "body" });
  const chars = [...body].length;
  if (chars > MAX_COMMUNICATION_BODY_CHARS)
    return fail(
      "COMMUNICATION.INVALID",
      `body is longer than ${MAX_COMMUNICATION_BODY_CHARS} characters`,
      {
        field: "body",
        max: MAX_COMMUNICATION_BODY_CHARS,
        actual: chars,
      },
    );
  return E.right(body);
};

const checkPostedAt = (postedAt: Instant): E.Either<Invalid, Instant> =>
  isInstant(postedAt)
    ? E.right(postedAt)
    : fail("COMMUNICATION.INVALID", "postedAt must be an ISO 8601 UTC instant", {
        field: "postedAt",
      });

const checkPhotoKeys = (keys: readonly string[]): E.Either<Invalid, readonly string[]> => {
  if (keys.length > MAX_PHOTOS_PER_UPDATE)
    return fail("COMMUNICATION.INVALID", `at most ${MAX_PHOTOS_PER_UPDATE} photos per update`, {
      field: "photoKeys",
      max: MAX_PHOTOS_PER_UPDATE,
    });
  if (keys.some((key) => typeof key !== "string" || key === ""))
    return fail("COMMUNICATION.INVALID", "photo keys must be non-empty", { field: "photoKeys" });
  if (new Set(keys).size !== keys.length)
    return fail("COMMUNICATION.INVALID", "the same photo twice", { field: "photoKeys" });
  return E.right(keys);
};

export interface PostUpdateInput {
  readonly id: UpdateId;
  readonly authorId: ProducerId;
  readonly body: string;
  readonly photoKeys: readonly string[];
  readonly visibility: UpdateVisibility;
  readonly postedAt: Instant;
}

/** Only the plan's own producer posts updates to it. */
export const postUpdate = (
  plan: Pick<Plan, "id" | "producerId">,
  input: PostUpdateInput,
): E.Either<DomainError<"PLAN.NOT_PRODUCER" | "COMMUNICATION.INVALID">, PlanUpdate> => {
  if (input.authorId !== plan.producerId)
    return fail("PLAN.NOT_PRODUCER", "only the plan's producer can post updates to it", {
      planId: plan.id,
    });
  if (input.visibility !== "public" && input.visibility !== "owners")
    return fail("COMMUNICATION.INVALID", "visibility must be public or owners", {
      field: "visibility",
    });
  return pipe(
    checkBody(input.body),
    E.chain(() => checkPhotoKeys(input.photoKeys)),
    E.chain(() => checkPostedAt(input.postedAt)),
    E.map(
      (): PlanUpdate => ({
        id: input.id,
        planId: plan.id,
        producerId: plan.producerId,
        body: input.body,
        photoKeys: [...input.photoKeys],
        visibility: input.visibility,
        postedAt: input.postedAt,
      }),
    ),
  );
};

/** Whether a viewer may read an update: owners-only news is for owners and the producer. */
export const canViewUpdate = (
  update: Pick<PlanUpdate, "visibility">,
  viewer: PlanViewer | undefined,
): boolean =>
  update.visibility === "public" ||
  (viewer !== undefined && (viewer.isOwnerOfPlan || viewer.isProducerOfPlan));

/** The updates a viewer may see, in the given order; `undefined` is an anonymous visitor. */
export const visibleUpdates = <U extends Pick<PlanUpdate, "visibility">>(
  updates: readonly U[],
  viewer: PlanViewer | undefined,
): readonly U[] => updates.filter((update) => canViewUpdate(update, viewer));

export interface PostCommentInput {
  readonly id: CommentId;
  readonly author: PlanViewer & { readonly id: OwnerId | ProducerId };
  readonly body: string;
  readonly postedAt: Instant;
}

/** Owners of the plan (and its producer, to answer them) may comment on its updates. */
export const postComment = (
  update: Pick<PlanUpdate, "id">,
  input: PostCommentInput,
): E.Either<DomainError<"OWNERSHIP.NOT_OWNER" | "COMMUNICATION.INVALID">, UpdateComment> => {
  if (!input.author.isOwnerOfPlan && !input.author.isProducerOfPlan)
    return fail("OWNERSHIP.NOT_OWNER", "only owners of the plan can comment on its updates", {
      updateId: update.id,
    });
  return pipe(
    checkBody(input.body),
    E.chain(() => checkPostedAt(input.postedAt)),
    E.map(
      (): UpdateComment => ({
        id: input.id,
        updateId: update.id,
        authorId: input.author.id,
        body: input.body,
        postedAt: input.postedAt,
      }),
    ),
  );
};

/** Comments follow their update: hidden wherever the update is hidden. */
export const visibleComments = <C extends Pick<UpdateComment, "updateId">>(
  update: Pick<PlanUpdate, "id" | "visibility">,
  comments: readonly C[],
  viewer: PlanViewer | undefined,
): readonly C[] =>
  canViewUpdate(update, viewer) ? comments.filter((comment) => comment.updateId === update.id) : [];
