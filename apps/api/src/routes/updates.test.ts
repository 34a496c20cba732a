import { SAMPLE_JPEG } from "@owners/app/testing";
import * as O from "fp-ts/lib/Option.js";
import { describe, expect, it } from "vitest";
import { expectProblem } from "../testing/expect-problem.ts";
import { makeHarness, openPlan, reserve } from "../testing/harness.ts";

const PRODUCER: [string, "producer"] = ["producer-a", "producer"];

const setUp = async () => {
  const h = makeHarness();
  const planId = await openPlan(h);
  await reserve(h, planId, "o1", 1);
  const post = (body: Record<string, unknown>, as: [string, "producer" | "owner"] = PRODUCER) =>
    h.call("POST", `/plans/${planId}/updates`, { body, as });
  return { h, planId, post };
};

describe("updates and comments", () => {
  it("owners-only news is listed for owners and the producer, left out for everyone else", async () => {
    const { h, planId, post } = await setUp();
    const news = await post({ body: "実がふくらんできました", visibility: "public" });
    expect(news).toMatchObject({ status: 201, body: { visibility: "public", photoKeys: [] } });
    const secret = await post({ body: "オーナー限定: 収穫日のお知らせ", visibility: "owners" });
    const idsFor = async (as?: [string, "owner" | "producer"]) =>
      (await h.call("GET", `/plans/${planId}/updates`, as ? { as } : {})).body.items.map(
        (u: { id: string }) => u.id,
      );
    expect(await idsFor(["o1", "owner"])).toEqual([secret.body.id, news.body.id]);
    expect(await idsFor(PRODUCER)).toEqual([secret.body.id, news.body.id]);
    expect(await idsFor()).toEqual([news.body.id]);
    expect(await idsFor(["o9", "owner"])).toEqual([news.body.id]);
    // Hidden news has hidden comments too.
    expectProblem(
      await h.call("GET", `/updates/${secret.body.id}/comments`),
      404,
      "UPDATE.NOT_FOUND",
    );
  });

  it("owners of the plan and its producer comment; others are refused", async () => {
    const { h, post } = await setUp();
    const news = (await post({ body: "花が咲きました", visibility: "public" })).body;
    const comment = await h.call("POST", `/updates/${news.id}/comments`, {
      body: { body: "楽しみです" },
      as: ["o1", "owner"],
    });
    expect(comment).toMatchObject({ status: 201, body: { authorId: "o1", body: "楽しみです" } });
    await h.call("POST", `/updates/${news.id}/comments`, {
      body: { body: "ありがとうございます" },
      as: PRODUCER,
    });
    expectProblem(
      await h.call("POST", `/updates/${news.id}/comments`, {
        body: { body: "こんにちは" },
        as: ["o9", "owner"],
      }),
      403,
      "OWNERSHIP.NOT_OWNER",
    );
    const listed = await h.call("GET", `/updates/${news.id}/comments`);
    expect(listed.body.items.map((c: { authorId: string }) => c.authorId)).toEqual([
      "o1",
      "producer-a",
    ]);
    expectProblem(
      await h.call("POST", `/updates/${news.id}/comments`, {
        body: { body: " " },
        as: ["o1", "owner"],
      }),
      400,
      "COMMUNICATION.INVALID",
    );
  });

  it("only the producer posts, and attached photos must be its verified uploads", async () => {
    const { h, post } = await setUp();
    expectProblem(
      await post({ body: "x", visibility: "public" }, ["o1", "owner"]),
      403,
      "AUTH.FORBIDDEN",
    );
    const form = (
      await h.call("POST", "/uploads", { body: { contentType: "image/jpeg" }, as: PRODUCER })
    ).body;
    expectProblem(
      await post({ body: "写真", visibility: "public", photoKeys: [form.key] }),
      404,
      "UPLOAD.NOT_FOUND",
    );
    h.ports.blobs.receiveUpload(form, SAMPLE_JPEG, "image/jpeg");
    const withPhoto = await post({ body: "写真", visibility: "public", photoKeys: [form.key] });
    expect(withPhoto.body.photoKeys).toEqual([form.key.replace("uploads/pending/", "photos/")]);
    expect(h.ports.blobs.download(withPhoto.body.photoUrls[0])).toEqual(O.some(SAMPLE_JPEG));
    expectProblem(await post({ body: "x", visibility: "friends" }), 400, "VALIDATION.INVALID");
  });
});

describe("POST /uploads", () => {
  it("presigns an upload under the caller's own prefix; refuses other file types", async () => {
    const h = makeHarness();
    const form = await h.call("POST", "/uploads", {
      body: { contentType: "image/png", sizeBytes: 2048 },
      as: ["o1", "owner"],
    });
    expect(form).toMatchObject({
      status: 201,
      body: {
        key: expect.stringMatching(/^uploads\/pending\/o1\//),
        method: "POST",
        contentType: "image/png",
      },
    });
    expectProblem(
      await h.call("POST", "/uploads", {
        body: { contentType: "application/pdf" },
        as: ["o1", "owner"],
      }),
      400,
      "UPLOAD.INVALID",
    );
    expectProblem(
      await h.call("POST", "/uploads", {
        body: { contentType: "image/png", sizeBytes: 50_000_000 },
        as: ["o1", "owner"],
      }),
      400,
      "UPLOAD.INVALID",
    );
    expectProblem(
      await h.call("POST", "/uploads", { body: { contentType: "image/png" } }),
      401,
      "AUTH.UNAUTHENTICATED",
    );
  });
});

describe("POST /uploads rate", () => {
  it("gives one caller at most 20 forms an hour, then a 429 problem", async () => {
    const h = makeHarness();
    const ask = (as: [string, "owner"]) =>
      h.call("POST", "/uploads", { body: { contentType: "image/png" }, as });
    for (let i = 0; i < 20; i += 1) expect((await ask(["o1", "owner"])).status).toBe(201);
    expectProblem(await ask(["o1", "owner"]), 429, "UPLOAD.RATE_LIMITED");
    expect((await ask(["o2", "owner"])).status).toBe(201);
  });
});
