import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { instant } from "../shared/time.ts";
import {
  approveProducerApplication,
  type ProducerApplication,
  type ProducerApplicationInput,
  rejectProducerApplication,
  submitProducerApplication,
  withdrawProducerApplication,
} from "./producer-application.ts";

const AT = instant("2026-12-01T09:00:00.000Z");
const LATER = instant("2026-12-02T09:00:00.000Z");

const sampleApplicationInput: ProducerApplicationInput = {
  farmName: " 小林果樹園 ",
  prefecture: "山形県",
  products: ["さくらんぼ", "ラ・フランス"],
  story: "三代続く果樹園です。",
  disclosure: {
    legalName: "小林 一郎",
    address: "山形県東根市1-2-3",
    phone: "023-123-4567",
    email: "ichiro@example.jp",
    responsiblePerson: "小林 一郎",
    pricesAndFees: "各プランに表示（税込・送料込み）",
    deliveryTime: "収穫後3日以内に発送",
    returnsAndCancellation: "締切までキャンセル可、全額返金",
  },
};

const submitted = (): ProducerApplication => {
  const result = submitProducerApplication(undefined, "user-1", sampleApplicationInput, AT);
  if (E.isLeft(result)) throw new Error(result.left.message);
  return result.right;
};

const fieldsOf = (result: E.Either<{ details?: Readonly<Record<string, unknown>> }, unknown>) =>
  E.isLeft(result)
    ? ((result.left.details?.fields ?? []) as { field: string }[]).map((f) => f.field)
    : [];

describe("producer applications", () => {
  it("a submission is pending, trimmed, its id the applicant's", () => {
    const application = submitted();
    expect(application).toMatchObject({
      id: "user-1",
      applicantId: "user-1",
      status: "pending",
      farmName: "小林果樹園",
      submittedAt: AT,
      version: 0,
    });
  });

  it("reports every missing or malformed field at once, disclosure fields by path", () => {
    const result = submitProducerApplication(
      undefined,
      "user-1",
      {
        farmName: "  ",
        prefecture: "山形県",
        products: [],
        story: 3,
        disclosure: {
          ...(sampleApplicationInput.disclosure as object),
          phone: "call me",
          email: "",
        },
      },
      AT,
    );
    expect(E.isLeft(result) && result.left._tag).toBe("APPLICATION.INVALID");
    expect(fieldsOf(result).sort()).toEqual(
      ["disclosure.email", "disclosure.phone", "farmName", "products", "story"].sort(),
    );
  });

  it("every disclosure field is required", () => {
    const result = submitProducerApplication(
      undefined,
      "user-1",
      { ...sampleApplicationInput, disclosure: {} },
      AT,
    );
    expect(fieldsOf(result)).toHaveLength(8);
  });

  it("pending goes to approved or rejected, once", () => {
    const pending = submitted();
    const approved = approveProducerApplication(pending, "admin-1", LATER);
    expect(approved).toEqual(
      E.right({ ...pending, status: "approved", decidedAt: LATER, decidedBy: "admin-1" }),
    );
    const rejected = rejectProducerApplication(pending, "admin-1", " 書類不足 ", LATER);
    expect(E.isRight(rejected) && rejected.right).toMatchObject({
      status: "rejected",
      rejectionReason: "書類不足",
    });
    for (const decided of [approved, rejected]) {
      if (E.isLeft(decided)) throw new Error("decided");
      expect(
        E.isLeft(approveProducerApplication(decided.right, "admin-1", LATER)) &&
          E.isLeft(rejectProducerApplication(decided.right, "admin-1", "x", LATER)),
      ).toBe(true);
    }
  });

  it("a withdrawn application (its applicant closed its account) can be neither approved nor rejected", () => {
    const withdrawn = withdrawProducerApplication(submitted(), LATER);
    expect(withdrawn).toMatchObject({ status: "withdrawn", decidedAt: LATER });
    expect(withdrawn.decidedBy).toBeUndefined();
    expect(E.isLeft(approveProducerApplication(withdrawn, "admin-1", LATER))).toBe(true);
    expect(E.isLeft(rejectProducerApplication(withdrawn, "admin-1", "x", LATER))).toBe(true);
    // A decision already made stays on record.
    const approved = approveProducerApplication(submitted(), "admin-1", AT);
    if (E.isLeft(approved)) throw new Error("approved");
    expect(withdrawProducerApplication(approved.right, LATER)).toEqual(approved.right);
  });

  it("a rejection needs a reason", () => {
    expect(fieldsOf(rejectProducerApplication(submitted(), "admin-1", "   ", LATER))).toEqual([
      "reason",
    ]);
  });

  it("a new submission is refused while pending or after approval, allowed after rejection", () => {
    const pending = submitted();
    const again = submitProducerApplication(pending, "user-1", sampleApplicationInput, LATER);
    expect(E.isLeft(again) && again.left._tag).toBe("APPLICATION.ILLEGAL_TRANSITION");
    const approved = { ...pending, status: "approved" as const, version: 2 };
    expect(
      E.isLeft(submitProducerApplication(approved, "user-1", sampleApplicationInput, LATER)),
    ).toBe(true);
    const rejected = { ...pending, status: "rejected" as const, rejectionReason: "x", version: 2 };
    const resubmitted = submitProducerApplication(
      rejected,
      "user-1",
      sampleApplicationInput,
      LATER,
    );
    expect(E.isRight(resubmitted) && resubmitted.right).toMatchObject({
      status: "pending",
      submittedAt: LATER,
      version: 2,
    });
    expect(E.isRight(resubmitted) && resubmitted.right.rejectionReason).toBeUndefined();
  });

  it("any non-blank farm name within the limit is accepted as trimmed", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 100 }), (name) => {
        const result = submitProducerApplication(
          undefined,
          "u",
          { ...sampleApplicationInput, farmName: name },
          AT,
        );
        const trimmed = name.trim();
        if (trimmed === "") return E.isLeft(result);
        return E.isRight(result) && result.right.farmName === trimmed;
      }),
    );
  });
});
