import type {
  CommentHiding,
  CommentId,
  Instant,
  OwnerId,
  PlanId,
  PlanUpdate,
  ProducerId,
  UpdateComment,
  UpdateId,
} from "@owners/domain";
import { communicationKeys } from "./harvest-keys.ts";
import { defined, type Item } from "./item.ts";

/** An update item; only a public one carries the public index keys (GSI2). */
export const updateToItem = (u: PlanUpdate): Item =>
  defined({
    ...communicationKeys.update(u.id),
    GSI1PK: communicationKeys.updatesOfPlan(u.planId),
    GSI1SK: communicationKeys.postedSort(u.postedAt, u.id),
    GSI2PK: u.visibility === "public" ? communicationKeys.publicUpdatesOfPlan(u.planId) : undefined,
    GSI2SK: u.visibility === "public" ? communicationKeys.postedSort(u.postedAt, u.id) : undefined,
    entity: "planUpdate",
    id: u.id,
    planId: u.planId,
    producerId: u.producerId,
    body: u.body,
    photoKeys: [...u.photoKeys],
    visibility: u.visibility,
    postedAt: u.postedAt,
  });

export const updateFromItem = (item: Item): PlanUpdate => ({
  id: item.id as UpdateId,
  planId: item.planId as PlanId,
  producerId: item.producerId as ProducerId,
  body: item.body as string,
  photoKeys: item.photoKeys as string[],
  visibility: item.visibility as PlanUpdate["visibility"],
  postedAt: item.postedAt as Instant,
});

/** The attributes of a hidden comment's moderation (absent while it is visible). */
export const commentHidingAttributes = (hidden: CommentHiding): Item => ({
  hiddenReason: hidden.reason,
  hiddenBy: hidden.by,
  hiddenAt: hidden.at,
});

/**
 * A comment item: its update's list on GSI1, the admins' list of every comment on GSI2, its
 * author's comments on GSI3 (an account's export and erasure).
 */
export const commentToItem = (c: UpdateComment): Item => ({
  ...communicationKeys.comment(c.id),
  GSI1PK: communicationKeys.commentsOfUpdate(c.updateId),
  GSI1SK: communicationKeys.postedSort(c.postedAt, c.id),
  GSI2PK: communicationKeys.allComments,
  GSI2SK: communicationKeys.postedSort(c.postedAt, c.id),
  GSI3PK: communicationKeys.commentsOfAuthor(c.authorId),
  GSI3SK: communicationKeys.postedSort(c.postedAt, c.id),
  entity: "updateComment",
  id: c.id,
  updateId: c.updateId,
  authorId: c.authorId,
  body: c.body,
  postedAt: c.postedAt,
  ...(c.hidden === undefined ? {} : commentHidingAttributes(c.hidden)),
});

export const commentFromItem = (item: Item): UpdateComment => ({
  id: item.id as CommentId,
  updateId: item.updateId as UpdateId,
  authorId: item.authorId as OwnerId | ProducerId,
  body: item.body as string,
  postedAt: item.postedAt as Instant,
  ...(item.hiddenAt === undefined
    ? {}
    : {
        hidden: {
          reason: item.hiddenReason as string,
          by: item.hiddenBy as string,
          at: item.hiddenAt as Instant,
        },
      }),
});
