import { makeLocalIdentityDirectory, makeMemoryPorts } from "@owners/adapter-memory";
import { describe, expect, it } from "vitest";
import { sampleApplication } from "../testing/contracts/producer-application-store.contract.ts";
import { restoreProducerGroups } from "./restore-producer-groups.ts";

describe("restoring producer groups (pnpm start's directory lives in memory)", () => {
  it("puts every approved applicant back in producers, nobody else", async () => {
    const ports = makeMemoryPorts();
    const identityDirectory = makeLocalIdentityDirectory();
    for (const [id, status] of [
      ["a1", "approved"],
      ["a2", "pending"],
      ["a3", "rejected"],
      ["a4", "approved"],
    ] as const)
      await ports.producerApplications.save(sampleApplication(id, 0, { status }), 0)();
    const restored = await restoreProducerGroups({ ...ports, identityDirectory })();
    expect(restored).toEqual({ _tag: "Right", right: 2 });
    expect(identityDirectory.groupsOf("a1")).toEqual(["producers"]);
    expect(identityDirectory.groupsOf("a4")).toEqual(["producers"]);
    expect(identityDirectory.groupsOf("a2")).toBeUndefined();
    expect(identityDirectory.groupsOf("a3")).toBeUndefined();
  });

  it("leaves out an approved producer whose account was closed", async () => {
    const ports = makeMemoryPorts();
    const identityDirectory = makeLocalIdentityDirectory();
    for (const id of ["open", "closed"])
      await ports.producerApplications.save(sampleApplication(id, 0, { status: "approved" }), 0)();
    await ports.accountClosures.record({ personId: "closed", closedAt: ports.clock.now() })();
    const restored = await restoreProducerGroups({ ...ports, identityDirectory })();
    expect(restored).toEqual({ _tag: "Right", right: 1 });
    expect(identityDirectory.groupsOf("open")).toEqual(["producers"]);
    expect(identityDirectory.groupsOf("closed")).toBeUndefined();
  });
});
