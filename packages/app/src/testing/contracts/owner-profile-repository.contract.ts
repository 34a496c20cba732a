import { instant, ownerId } from "@owners/domain";
import * as O from "fp-ts/lib/Option.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { OwnerProfileRepository } from "../../ports/owner-profile-repository.ts";
import { sampleProfile } from "../harvest-fixtures.ts";
import { failWith, succeed } from "./expect-task.ts";

export interface OwnerProfileRepositorySubject {
  readonly subject: OwnerProfileRepository;
  cleanup(): Promise<void>;
}

/** The behaviour every OwnerProfileRepository adapter must share. */
export const describeOwnerProfileRepositoryContract = (
  name: string,
  makeSubject: () => Promise<OwnerProfileRepositorySubject>,
) => {
  describe(`OwnerProfileRepository contract: ${name}`, () => {
    let harness: OwnerProfileRepositorySubject;
    let repo: OwnerProfileRepository;
    beforeEach(async () => {
      harness = await makeSubject();
      repo = harness.subject;
    });
    afterEach(async () => {
      await harness.cleanup();
    });

    it("answers none before an owner saves a profile, then the saved profile at version 1", async () => {
      const profile = sampleProfile();
      expect(await succeed(repo.get(profile.ownerId))).toEqual(O.none);
      expect(await succeed(repo.save(profile, 0))).toEqual({ ...profile, version: 1 });
      expect(await succeed(repo.get(profile.ownerId))).toEqual(O.some({ ...profile, version: 1 }));
    });

    it("keeps an address without its optional line", async () => {
      const { line2: _line2, ...address } = sampleProfile().address;
      const profile = sampleProfile({ address });
      await succeed(repo.save(profile, 0));
      expect(O.toUndefined(await succeed(repo.get(profile.ownerId)))?.address).toEqual(address);
    });

    it("keeps the name, saved addresses and preferences, and a profile without an address", async () => {
      const {
        address: _a,
        region: _r,
        ...nameOnly
      } = sampleProfile({
        ownerId: ownerId("owner_9"),
        displayName: "はなこ",
        language: "en",
        notifications: { updates: false },
      });
      await succeed(repo.save(nameOnly, 0));
      expect(await succeed(repo.get(ownerId("owner_9")))).toEqual(
        O.some({ ...nameOnly, version: 1 }),
      );
      const withAddresses = {
        ...sampleProfile(),
        addresses: [
          { id: "adr_1", label: "実家", address: sampleProfile().address, region: "kanto" },
        ],
      };
      await succeed(repo.save(withAddresses, 0));
      expect(O.toUndefined(await succeed(repo.get(withAddresses.ownerId)))?.addresses).toEqual(
        withAddresses.addresses,
      );
    });

    it("saves over the version it read and refuses a stale one", async () => {
      const profile = sampleProfile();
      await succeed(repo.save(profile, 0));
      const moved = { ...profile, region: "kinki", updatedAt: instant("2026-07-02T00:00:00.000Z") };
      expect((await succeed(repo.save(moved, 1))).version).toBe(2);
      expect((await failWith(repo.save({ ...profile, region: "tohoku" }, 1)))._tag).toBe(
        "STORE.VERSION_CONFLICT",
      );
      expect((await failWith(repo.save(profile, 0)))._tag).toBe("STORE.VERSION_CONFLICT");
      expect(O.toUndefined(await succeed(repo.get(profile.ownerId)))?.region).toBe("kinki");
    });

    it("lets exactly one of concurrent saves over the same version win", async () => {
      await succeed(repo.save(sampleProfile(), 0));
      const results = await Promise.all(
        ["tohoku", "kinki", "kyushu"].map((region) => repo.save(sampleProfile({ region }), 1)()),
      );
      expect(results.filter((r) => r._tag === "Right")).toHaveLength(1);
      expect(
        results.filter((r) => r._tag === "Left" && r.left._tag === "STORE.VERSION_CONFLICT"),
      ).toHaveLength(2);
    });

    it("reads many profiles at once, leaving out owners without one", async () => {
      const ids = Array.from({ length: 130 }, (_, i) => ownerId(`owner_${i}`));
      for (const id of ids.filter((_, i) => i % 2 === 0))
        await succeed(repo.save(sampleProfile({ ownerId: id }), 0));
      const found = await succeed(repo.getMany([...ids, ownerId("owner_0")]));
      expect(found.size).toBe(65);
      expect(found.get(ownerId("owner_4"))).toEqual({
        ...sampleProfile({ ownerId: ownerId("owner_4") }),
        version: 1,
      });
      expect(found.has(ownerId("owner_5"))).toBe(false);
      expect((await succeed(repo.getMany([]))).size).toBe(0);
    });

    it("deletes a profile (account deletion); deleting again, or one never saved, succeeds", async () => {
      const profile = sampleProfile();
      await succeed(repo.save(profile, 0));
      await succeed(repo.delete(profile.ownerId));
      expect(await succeed(repo.get(profile.ownerId))).toEqual(O.none);
      await succeed(repo.delete(profile.ownerId));
      expect((await succeed(repo.getMany([profile.ownerId]))).size).toBe(0);
    });
  });
};
