import { makeManualClock } from "@owners/adapter-local";
import { makeMemoryPorts } from "@owners/adapter-memory";
import { producerId } from "@owners/domain";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { describe, expect, it } from "vitest";
import type { Actor } from "../actor.ts";
import { appError } from "../errors.ts";
import type { IdentityDirectory } from "../ports/identity-directory.ts";
import { failWith, succeed } from "../testing/contracts/expect-task.ts";
import { sampleApplication } from "../testing/contracts/producer-application-store.contract.ts";
import { makeApplicationUseCases } from "./application-use-cases.ts";
import { producerApplicationsHolder } from "./producer-applications-holder.ts";

const ADMIN: Actor = { id: "root", role: "admin" };
const URLS = {
  onboardingUrls: { returnUrl: "https://x/producer", refreshUrl: "https://x/producer" },
};
const {
  id: _id,
  applicantId: _a,
  status: _s,
  submittedAt: _t,
  version: _v,
  ...input
} = sampleApplication("owner-sato");

/** The memory ports with a directory whose first `failures` calls are an outage. */
const world = (failures = 0) => {
  const ports = makeMemoryPorts({ clock: makeManualClock("2026-12-01T00:00:00.000Z") });
  const groups = new Map<string, Set<string>>();
  let left = failures;
  const identityDirectory: IdentityDirectory = {
    addToGroup: (userId, group) =>
      left-- > 0
        ? TE.left(appError("IDENTITY.UNAVAILABLE", "down"))
        : TE.fromIO(() => void groups.set(userId, (groups.get(userId) ?? new Set()).add(group))),
    removeFromGroup: () => TE.right(undefined),
    deleteUser: () => TE.right(undefined),
  };
  const deps = { ...ports, identityDirectory };
  return { ports, groups, useCases: makeApplicationUseCases(deps) };
};

describe("approving a producer application", () => {
  it("finishes on a retry what an outage left undone, and tells the applicant once", async () => {
    const { ports, groups, useCases } = world(1);
    await succeed(useCases.apply({ id: "owner-sato", role: "owner" }, input));
    const failed = await failWith(useCases.approve(ADMIN, { id: "owner-sato", ...URLS }));
    expect(failed._tag).toBe("IDENTITY.UNAVAILABLE");
    // The decision is kept; its consequences wait for the retry.
    expect(O.toUndefined(await succeed(ports.producerApplications.get("owner-sato")))?.status).toBe(
      "approved",
    );
    expect(O.isNone(await succeed(ports.producerProfiles.get(producerId("owner-sato"))))).toBe(
      true,
    );

    const approved = await succeed(useCases.approve(ADMIN, { id: "owner-sato", ...URLS }));
    await succeed(useCases.approve(ADMIN, { id: "owner-sato", ...URLS }));
    expect(approved).toMatchObject({ status: "approved", decidedBy: "root", version: 2 });
    expect([...(groups.get("owner-sato") ?? [])]).toEqual(["producers"]);
    expect(
      O.toUndefined(await succeed(ports.producerProfiles.get(producerId("owner-sato")))),
    ).toMatchObject({ displayName: input.farmName, products: input.products, version: 1 });
    expect(O.isSome(await succeed(ports.payoutAccountStore.get(producerId("owner-sato"))))).toBe(
      true,
    );
    const messages = await succeed(ports.outbox.listPending(10));
    expect(messages.map((m) => m.kind)).toEqual(["producer-application-approved"]);
  });

  it("only admins decide, and only owners apply", async () => {
    const { useCases } = world();
    expect((await failWith(useCases.apply({ id: "p", role: "producer" }, input)))._tag).toBe(
      "AUTH.FORBIDDEN",
    );
    await succeed(useCases.apply({ id: "owner-sato", role: "owner" }, input));
    for (const actor of [
      { id: "owner-sato", role: "owner" },
      { id: "p", role: "producer" },
    ] as const) {
      expect((await failWith(useCases.approve(actor, { id: "owner-sato", ...URLS })))._tag).toBe(
        "AUTH.FORBIDDEN",
      );
      expect((await failWith(useCases.reject(actor, { id: "owner-sato", reason: "x" })))._tag).toBe(
        "AUTH.FORBIDDEN",
      );
    }
  });
});

describe("deciding the application of a closed account", () => {
  it("refuses to approve or reject it, an approval's retry included", async () => {
    const { ports, groups, useCases } = world();
    for (const id of ["owner-sato", "owner-kato"])
      await succeed(useCases.apply({ id, role: "owner" }, input));
    await succeed(useCases.approve(ADMIN, { id: "owner-kato", ...URLS }));
    for (const personId of ["owner-sato", "owner-kato"])
      await succeed(ports.accountClosures.record({ personId, closedAt: ports.clock.now() }));
    groups.clear();
    for (const id of ["owner-sato", "owner-kato"]) {
      const approve = await failWith(useCases.approve(ADMIN, { id, ...URLS }));
      expect(approve).toMatchObject({ _tag: "APPLICATION.ILLEGAL_TRANSITION" });
      const reject = await failWith(useCases.reject(ADMIN, { id, reason: "x" }));
      expect(reject._tag).toBe("APPLICATION.ILLEGAL_TRANSITION");
    }
    expect(groups.size).toBe(0);
    expect(O.isNone(await succeed(ports.producerProfiles.get(producerId("owner-sato"))))).toBe(
      true,
    );
  });
});

describe("the applications' personal data holder", () => {
  it("withdraws a pending application as it erases it: it leaves the queue", async () => {
    const { ports, useCases } = world();
    const holder = producerApplicationsHolder(ports.producerApplications, ports.clock);
    await succeed(useCases.apply({ id: "owner-sato", role: "owner" }, input));
    await succeed(holder.eraseFor("owner-sato"));
    await succeed(holder.eraseFor("owner-sato"));
    const erased = O.toUndefined(await succeed(ports.producerApplications.get("owner-sato")));
    expect(erased).toMatchObject({ status: "withdrawn", farmName: "", version: 2 });
    expect(erased?.decidedBy).toBeUndefined();
    const pending = await succeed(useCases.list(ADMIN, { status: "pending" }));
    expect(pending.items).toEqual([]);
  });

  it("exports the person's application and erases its text, keeping the decision", async () => {
    const { ports, useCases } = world();
    const holder = producerApplicationsHolder(ports.producerApplications, ports.clock);
    expect(await succeed(holder.exportFor("owner-sato"))).toBeNull();
    await succeed(useCases.apply({ id: "owner-sato", role: "owner" }, input));
    await succeed(useCases.reject(ADMIN, { id: "owner-sato", reason: "電話番号が違います" }));
    const exported = await succeed(holder.exportFor("owner-sato"));
    expect(exported).toMatchObject({
      farmName: input.farmName,
      disclosure: input.disclosure,
      status: "rejected",
    });
    // Which admin decided is the platform's business, as on GET /producer-applications/mine.
    expect(exported).not.toHaveProperty("decidedBy");
    await succeed(holder.eraseFor("owner-sato"));
    await succeed(holder.eraseFor("owner-sato"));
    const erased = O.toUndefined(await succeed(ports.producerApplications.get("owner-sato")));
    expect(erased).toMatchObject({ status: "rejected", decidedBy: "root", rejectionReason: "" });
    const text = JSON.stringify(erased);
    for (const personal of [
      input.farmName,
      input.disclosure.legalName,
      input.disclosure.phone,
      input.disclosure.email,
      input.disclosure.address,
      input.story,
      "電話番号が違います",
    ])
      expect(text).not.toContain(personal);
    expect(await succeed(holder.eraseFor("nobody"))).toBeUndefined();
  });
});
