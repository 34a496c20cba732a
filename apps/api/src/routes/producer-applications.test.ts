import type { LocalIdentityDirectory } from "@owners/adapter-memory";
import { producerId } from "@owners/domain";
import * as O from "fp-ts/lib/Option.js";
import { describe, expect, it } from "vitest";
import { applicationBody, makeHarness, openPlan } from "../testing/harness.ts";

const ADMIN: [string, "admin"] = ["root", "admin"];
const SATO: [string, "owner"] = ["owner-sato", "owner"];

describe("producer applications over HTTP", () => {
  it("an owner applies, an admin approves: producer group, profile, payout account, notice", async () => {
    const h = makeHarness();
    const applied = await h.call("POST", "/producer-applications", {
      body: applicationBody(),
      as: SATO,
    });
    expect(applied.status).toBe(201);
    expect(applied.body).toMatchObject({ id: "owner-sato", status: "pending", version: 1 });

    const queue = await h.call("GET", "/admin/producer-applications", { as: ADMIN });
    expect(queue.body.applications.map((a: { id: string }) => a.id)).toEqual(["owner-sato"]);

    const approved = await h.call("POST", "/admin/producer-applications/owner-sato/approve", {
      as: ADMIN,
      headers: { origin: "https://owners.example" },
    });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: "approved", decidedBy: "root", version: 2 });

    const directory = h.ports.identityDirectory as LocalIdentityDirectory;
    expect(directory.groupsOf("owner-sato")).toEqual(["producers"]);
    const profile = await h.ports.producerProfiles.get(producerId("owner-sato"))();
    expect(profile._tag === "Right" && O.toUndefined(profile.right)).toMatchObject({
      displayName: "小林果樹園",
      prefecture: "山形県",
      version: 1,
    });
    const account = await h.ports.payoutAccountStore.get(producerId("owner-sato"))();
    expect(account._tag === "Right" && O.isSome(account.right)).toBe(true);
    const notice = await h.ports.outbox.listPending(10)();
    expect(notice._tag === "Right" && notice.right.map((m) => [m.recipientId, m.kind])).toEqual([
      ["owner-sato", "producer-application-approved"],
    ]);

    // Locally the directory decides a known person's role: asking for "owner" signs in a producer.
    const login = await h.call("POST", "/auth/dev-login", {
      body: { sub: "owner-sato", role: "owner" },
    });
    expect(login.body.role).toBe("producer");
    const stranger = await h.call("POST", "/auth/dev-login", { body: { sub: "x", role: "owner" } });
    expect(stranger.body.role).toBe("owner");

    // Approving again finishes nothing new and tells nobody twice.
    const again = await h.call("POST", "/admin/producer-applications/owner-sato/approve", {
      as: ADMIN,
    });
    expect(again.status).toBe(200);
    const after = await h.ports.outbox.listPending(10)();
    expect(after._tag === "Right" && after.right).toHaveLength(1);

    // The new producer reads its application and can publish once its account is ready.
    const mine = await h.call("GET", "/producer-applications/mine", {
      as: ["owner-sato", "producer"],
    });
    expect(mine.body).toMatchObject({ status: "approved" });
    expect(mine.body.decidedBy).toBeUndefined();
    await openPlan(h, "owner-sato");
  });

  it("rejects with a reason the applicant reads; it may apply again", async () => {
    const h = makeHarness();
    await h.call("POST", "/producer-applications", { body: applicationBody(), as: SATO });
    const blank = await h.call("POST", "/admin/producer-applications/owner-sato/reject", {
      as: ADMIN,
      body: { reason: "  " },
    });
    expect(blank.status).toBe(400);
    expect(blank.body.code).toBe("APPLICATION.INVALID");
    const rejected = await h.call("POST", "/admin/producer-applications/owner-sato/reject", {
      as: ADMIN,
      body: { reason: "連絡先が確認できません" },
    });
    expect(rejected.body).toMatchObject({
      status: "rejected",
      rejectionReason: "連絡先が確認できません",
    });
    const mine = await h.call("GET", "/producer-applications/mine", { as: SATO });
    expect(mine.body.rejectionReason).toBe("連絡先が確認できません");
    const messages = await h.ports.outbox.listPending(10)();
    expect(messages._tag === "Right" && messages.right[0]?.body).toContain(
      "連絡先が確認できません",
    );
    expect(
      (await h.call("POST", "/admin/producer-applications/owner-sato/approve", { as: ADMIN }))
        .status,
    ).toBe(409);
    const reapplied = await h.call("POST", "/producer-applications", {
      body: applicationBody({ farmName: "佐藤農園" }),
      as: SATO,
    });
    expect(reapplied.status).toBe(201);
    expect(reapplied.body).toMatchObject({ status: "pending", farmName: "佐藤農園" });
    expect(reapplied.body.rejectionReason).toBeUndefined();
  });

  it("says which fields are missing, and answers 404 before applying", async () => {
    const h = makeHarness();
    expect((await h.call("GET", "/producer-applications/mine", { as: SATO })).status).toBe(404);
    const body = applicationBody({ farmName: "", products: [] });
    const incomplete = await h.call("POST", "/producer-applications", {
      body: { ...body, disclosure: { ...body.disclosure, email: "not-an-email" } },
      as: SATO,
    });
    expect(incomplete.status).toBe(400);
    expect(incomplete.headers.get("content-type")).toBe("application/problem+json");
    expect(JSON.stringify(incomplete.body)).toMatch(/farmName.*products.*disclosure\.email/);
    const shapeless = await h.call("POST", "/producer-applications", {
      body: { farmName: 1 },
      as: SATO,
    });
    expect(shapeless.status).toBe(400);
    expect(
      (await h.call("POST", "/admin/producer-applications/nobody/approve", { as: ADMIN })).status,
    ).toBe(404);
  });

  it("lists each status a page at a time", async () => {
    const h = makeHarness();
    for (const id of ["a1", "a2", "a3"]) {
      await h.call("POST", "/producer-applications", {
        body: applicationBody(),
        as: [id, "owner"],
      });
      h.clock.advance(60_000);
    }
    const first = await h.call("GET", "/admin/producer-applications?limit=2", { as: ADMIN });
    expect(first.body.applications.map((a: { id: string }) => a.id)).toEqual(["a1", "a2"]);
    const next = await h.call(
      "GET",
      `/admin/producer-applications?limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`,
      { as: ADMIN },
    );
    expect(next.body.applications.map((a: { id: string }) => a.id)).toEqual(["a3"]);
    expect(next.body.nextCursor).toBeUndefined();
    const approved = await h.call("GET", "/admin/producer-applications?status=approved", {
      as: ADMIN,
    });
    expect(approved.body.applications).toEqual([]);
    expect(
      (await h.call("GET", "/admin/producer-applications?status=maybe", { as: ADMIN })).status,
    ).toBe(400);
  });

  it("a pending application is withdrawn when its applicant closes the account: nothing to approve", async () => {
    const h = makeHarness();
    await h.call("POST", "/producer-applications", { body: applicationBody(), as: SATO });
    expect((await h.call("DELETE", "/me", { as: SATO })).status).toBe(200);
    const queue = await h.call("GET", "/admin/producer-applications", { as: ADMIN });
    expect(queue.body.applications).toEqual([]);
    const withdrawn = await h.call("GET", "/admin/producer-applications?status=withdrawn", {
      as: ADMIN,
    });
    expect(withdrawn.body.applications).toMatchObject([
      { id: "owner-sato", status: "withdrawn", farmName: "" },
    ]);
    for (const decision of ["approve", "reject"]) {
      const answer = await h.call("POST", `/admin/producer-applications/owner-sato/${decision}`, {
        body: { reason: "不足" },
        as: ADMIN,
      });
      expect(answer.status).toBe(409);
      expect(answer.body.code).toBe("APPLICATION.ILLEGAL_TRANSITION");
    }
    expect((await h.call("GET", "/producers/owner-sato")).status).toBe(404);
    const directory = h.ports.identityDirectory as LocalIdentityDirectory;
    expect(directory.groupsOf("owner-sato")).toBeUndefined();
  });
});
