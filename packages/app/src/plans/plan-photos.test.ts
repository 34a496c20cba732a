import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { describe, expect, it } from "vitest";
import type { Actor } from "../actor.ts";
import { appError } from "../errors.ts";
import { failWith, succeed } from "../testing/contracts/expect-task.ts";
import { sampleTerms } from "../testing/reservation-fixtures.ts";
import { makeReservationKit } from "../testing/reservation-kit.ts";
import type { VerifyPhoto } from "../uploads/photo-verification.ts";
import { attachPlanPhoto } from "./attach-plan-photo.ts";
import { createPlan } from "./create-plan.ts";
import { editPlan } from "./edit-plan.ts";
import { removePlanPhoto } from "./remove-plan-photo.ts";

/** A verifier that accepts the listed uploads and records every key it was asked about. */
const verifier = (accepted: readonly string[]) => {
  const asked: string[] = [];
  const verifyPhoto: VerifyPhoto = (_actor: Actor, key: string) => {
    asked.push(key);
    return accepted.includes(key)
      ? TE.right(key)
      : TE.left(appError("UPLOAD.NOT_FOUND", "nothing was uploaded under this key", { key }));
  };
  return { asked, verifyPhoto };
};

const setup = (accepted: readonly string[]) => {
  const kit = makeReservationKit();
  const check = verifier(accepted);
  return { kit, check, deps: { ...kit.deps, verifyPhoto: check.verifyPhoto } };
};

describe("photo keys are verified by the plan use cases", () => {
  it("createPlan verifies every key and stores nothing when one is refused", async () => {
    const { kit, check, deps } = setup(["uploads/p/a.jpg"]);
    const refused = await failWith(
      createPlan(deps)(kit.producer, {
        terms: sampleTerms({ photoKeys: ["uploads/p/a.jpg", "uploads/p/missing.jpg"] }),
      }),
    );
    expect(refused._tag).toBe("UPLOAD.NOT_FOUND");
    expect((await succeed(kit.deps.plans.list({}, { limit: 10 }))).items).toEqual([]);
    const plan = await succeed(
      createPlan(deps)(kit.producer, { terms: sampleTerms({ photoKeys: ["uploads/p/a.jpg"] }) }),
    );
    expect(plan.photoKeys).toEqual(["uploads/p/a.jpg"]);
    expect(check.asked).toEqual(["uploads/p/a.jpg", "uploads/p/missing.jpg", "uploads/p/a.jpg"]);
  });

  it("createPlan refuses a caller that may not create before looking at its photos", async () => {
    const { kit, check, deps } = setup([]);
    const refused = await failWith(
      createPlan(deps)(kit.owner(1), { terms: sampleTerms({ photoKeys: ["uploads/o/x.jpg"] }) }),
    );
    expect(refused._tag).toBe("AUTH.FORBIDDEN");
    expect(check.asked).toEqual([]);
  });

  it("editPlan verifies only keys not attached yet, and writes nothing when one is refused", async () => {
    const { kit, check, deps } = setup(["uploads/p/b.jpg"]);
    const draft = await succeed(
      createPlan(kit.deps)(kit.producer, { terms: sampleTerms({ photoKeys: ["old.jpg"] }) }),
    );
    const refused = await failWith(
      editPlan(deps)(kit.producer, {
        planId: draft.id,
        patch: { title: "新しい", photoKeys: ["old.jpg", "uploads/p/nope.jpg"] },
      }),
    );
    expect(refused._tag).toBe("UPLOAD.NOT_FOUND");
    expect(await succeed(kit.deps.plans.get(draft.id))).toEqual(O.some(draft));
    const edited = await succeed(
      editPlan(deps)(kit.producer, {
        planId: draft.id,
        patch: (plan) => ({ photoKeys: [...plan.photoKeys, "uploads/p/b.jpg"] }),
      }),
    );
    expect(edited.photoKeys).toEqual(["old.jpg", "uploads/p/b.jpg"]);
    expect(check.asked).toEqual(["uploads/p/nope.jpg", "uploads/p/b.jpg"]);
  });
});

describe("attachPlanPhoto", () => {
  it("adds a verified upload once; attaching it again changes nothing", async () => {
    const { kit, check, deps } = setup(["uploads/p/c.jpg"]);
    const draft = await succeed(createPlan(kit.deps)(kit.producer, { terms: sampleTerms() }));
    const attached = await succeed(
      attachPlanPhoto(deps)(kit.producer, { planId: draft.id, key: "uploads/p/c.jpg" }),
    );
    expect(attached.photoKeys).toEqual([...draft.photoKeys, "uploads/p/c.jpg"]);
    expect(attached.version).toBe(draft.version + 1);
    const again = await succeed(
      attachPlanPhoto(deps)(kit.producer, { planId: draft.id, key: "uploads/p/c.jpg" }),
    );
    expect(again).toEqual(attached);
    expect(check.asked).toEqual(["uploads/p/c.jpg"]);
  });

  it("is its producer's: anyone else is refused before the photo is looked at", async () => {
    const { kit, check, deps } = setup(["uploads/p/c.jpg"]);
    const draft = await succeed(createPlan(kit.deps)(kit.producer, { terms: sampleTerms() }));
    const other: Actor = { id: "producer_other", role: "producer" };
    expect(
      (await failWith(attachPlanPhoto(deps)(other, { planId: draft.id, key: "uploads/p/c.jpg" })))
        ._tag,
    ).toBe("PLAN.NOT_PRODUCER");
    expect(
      (
        await failWith(
          attachPlanPhoto(deps)(kit.owner(1), { planId: draft.id, key: "uploads/p/c.jpg" }),
        )
      )._tag,
    ).toBe("AUTH.FORBIDDEN");
    expect(check.asked).toEqual([]);
  });
});

/** Verified photo keys, as attaching leaves them on a plan. */
const PHOTO_A = "photos/producer_1/photo_a.jpg";
const PHOTO_B = "photos/producer_1/photo_b.jpg";
const PHOTO_C = "photos/producer_1/photo_c.jpg";

describe("removePlanPhoto", () => {
  it("takes one photo off, keeping the others in order, as a versioned, audited edit", async () => {
    const { kit, check, deps } = setup([]);
    const draft = await succeed(
      createPlan(kit.deps)(kit.producer, {
        terms: sampleTerms({ photoKeys: [PHOTO_A, PHOTO_B, PHOTO_C] }),
      }),
    );
    const auditBefore = await succeed(kit.deps.audit.listBySubject("plan", draft.id));
    const removed = await succeed(
      removePlanPhoto(deps)(kit.producer, { planId: draft.id, key: PHOTO_B }),
    );
    expect(removed.photoKeys).toEqual([PHOTO_A, PHOTO_C]);
    expect(removed.version).toBe(draft.version + 1);
    expect(await succeed(kit.deps.plans.get(draft.id))).toEqual(O.some(removed));
    const auditAfter = await succeed(kit.deps.audit.listBySubject("plan", draft.id));
    expect(auditAfter.length).toBe(auditBefore.length + 1);
    // Again: nothing to remove, nothing written.
    expect(
      await succeed(removePlanPhoto(deps)(kit.producer, { planId: draft.id, key: PHOTO_B })),
    ).toEqual(removed);
    expect(check.asked).toEqual([]);
  });

  it("refuses a key no verified photo could have, changing nothing", async () => {
    const { kit, deps } = setup([]);
    const draft = await succeed(
      createPlan(kit.deps)(kit.producer, { terms: sampleTerms({ photoKeys: [PHOTO_A] }) }),
    );
    for (const key of [
      "a.jpg",
      "uploads/pending/producer_1/x.jpg",
      "photos/../x.jpg",
      "x".repeat(200),
    ])
      expect(
        (await failWith(removePlanPhoto(deps)(kit.producer, { planId: draft.id, key })))._tag,
      ).toBe("UPLOAD.INVALID");
    expect(await succeed(kit.deps.plans.get(draft.id))).toEqual(O.some(draft));
  });

  it("is its producer's, and not once the plan is over", async () => {
    const { kit, deps } = setup([]);
    const draft = await succeed(
      createPlan(kit.deps)(kit.producer, { terms: sampleTerms({ photoKeys: [PHOTO_A] }) }),
    );
    const other: Actor = { id: "producer_other", role: "producer" };
    expect(
      (await failWith(removePlanPhoto(deps)(other, { planId: draft.id, key: PHOTO_A })))._tag,
    ).toBe("PLAN.NOT_PRODUCER");
    expect(
      (await failWith(removePlanPhoto(deps)(kit.owner(1), { planId: draft.id, key: PHOTO_A })))
        ._tag,
    ).toBe("AUTH.FORBIDDEN");
    const stored = await succeed(kit.deps.plans.get(draft.id));
    if (O.isNone(stored)) throw new Error("no plan");
    await succeed(
      kit.deps.plans.save({ ...stored.value, status: "completed" }, stored.value.version),
    );
    expect(
      (await failWith(removePlanPhoto(deps)(kit.producer, { planId: draft.id, key: PHOTO_A })))
        ._tag,
    ).toBe("PLAN.FROZEN_FIELD");
  });
});
