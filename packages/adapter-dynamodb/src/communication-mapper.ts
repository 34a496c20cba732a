import type {
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

export const commentToItem = (c: UpdateComment): Item => ({
  ...communicationKeys.comment(c.id),
  GSI1PK: communicationKeys.commentsOfUpdate(c.updateId),
  GSI1SK: communicationKeys.postedSort(c.postedAt, c.id),
  GSI2PK: communicationKeys.commentsOfAuthor(c.authorId),
  GSI2SK: communicationKeys.postedSort(c.postedAt, c.id),
  entity: "updateComment",
  id: c.id,
  updateId: c.updateId,
  authorId: c.authorId,
  body: c.body,
  postedAt: c.postedAt,
});

export const commentFromItem = (item: Item): UpdateComment => ({
  id: item.id as CommentId,
  updateId: item.updateId as UpdateId,
  authorId: item.authorId as OwnerId | ProducerId,
  body: item.body as string,
  postedAt: item.postedAt as Instant,
});
