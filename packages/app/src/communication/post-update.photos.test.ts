import * as TE from "fp-ts/lib/TaskEither.js";
import { describe, expect, it } from "vitest";
import { appError } from "../errors.ts";
import { collectPages, failWith, succeed } from "../testing/contracts/expect-task.ts";
import { makeHarvestWorld } from "../testing/harvest-world.ts";
import type { VerifyPhoto } from "../uploads/photo-verification.ts";
import { listUpdates } from "./list-updates.ts";
import { postUpdate } from "./post-update.ts";

describe("postUpdate with photos", () => {
  it("verifies each photo after checking the poster is the plan's producer; a refused one posts nothing", async () => {
    const world = makeHarvestWorld();
    const plan = await world.openPlan("plan_figs");
    const asked: string[] = [];
    const verifyPhoto: VerifyPhoto = (_actor, key) => {
      asked.push(key);
      return key.endsWith("ok.jpg")
        ? TE.right(key)
        : TE.left(appError("UPLOAD.INVALID", "not a picture", { key }));
    };
    const post = postUpdate({ ...world.deps, verifyPhoto });
    const input = (photoKeys: string[]) => ({
      planId: plan.id,
      body: "もうすぐ収穫",
      visibility: "public" as const,
      photoKeys,
    });

    expect((await failWith(post(world.owner("alice"), input(["a/ok.jpg"]))))._tag).toBe(
      "AUTH.FORBIDDEN",
    );
    expect(asked).toEqual([]);
    const refused = await failWith(post(world.producerOf(plan), input(["a/ok.jpg", "a/bad.png"])));
    expect(refused._tag).toBe("UPLOAD.INVALID");
    const read = () =>
      collectPages((page) => listUpdates(world.deps)(undefined, { planId: plan.id, page }), 10);
    expect((await read()).items).toEqual([]);

    const posted = await succeed(post(world.producerOf(plan), input(["a/ok.jpg"])));
    expect(posted.photoKeys).toEqual(["a/ok.jpg"]);
    expect(asked).toEqual(["a/ok.jpg", "a/bad.png", "a/ok.jpg"]);
  });
});
