import { sampleComment, sampleUpdate } from "@owners/app/testing";
import { producerId } from "@owners/domain";
import { describe, expect, it } from "vitest";
import {
  commentFromItem,
  commentToItem,
  updateFromItem,
  updateToItem,
} from "./communication-mapper.ts";
import { throughDynamo } from "./testing/stored.ts";

describe("communication mapper", () => {
  it("round-trips updates, indexing only public ones in the public index (GSI2)", () => {
    const open = sampleUpdate();
    const owners = sampleUpdate({ visibility: "owners", photoKeys: [] });
    for (const update of [open, owners])
      expect(updateFromItem(throughDynamo(updateToItem(update)))).toStrictEqual(update);
    expect(updateToItem(open)).toMatchObject({
      GSI1PK: "PLAN#plan_1#UPDATES",
      GSI2PK: "PLAN#plan_1#UPDATES#PUBLIC",
    });
    expect(updateToItem(owners)).not.toHaveProperty("GSI2PK");
  });

  it("round-trips comments by an owner or by the producer", () => {
    for (const comment of [sampleComment(), sampleComment({ authorId: producerId("producer_1") })])
      expect(commentFromItem(throughDynamo(commentToItem(comment)))).toStrictEqual(comment);
    expect(commentToItem(sampleComment())).toMatchObject({
      PK: "COMMENT#cmt_1",
      GSI1PK: "UPDATE#upd_1#COMMENTS",
      GSI2PK: "COMMENTS",
    });
    expect(commentToItem(sampleComment())).not.toHaveProperty("hiddenAt");
  });

  it("round-trips a hidden comment with its moderation", () => {
    const hidden = sampleComment({
      hidden: { reason: "spam", by: "root", at: "2026-07-04T00:00:00.000Z" as never },
    });
    expect(commentFromItem(throughDynamo(commentToItem(hidden)))).toStrictEqual(hidden);
    expect(commentToItem(hidden)).toMatchObject({ hiddenReason: "spam", hiddenBy: "root" });
  });
});
