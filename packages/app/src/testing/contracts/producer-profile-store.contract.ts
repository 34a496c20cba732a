import { instant, type ProducerProfile, producerId, type SellerDisclosure } from "@owners/domain";
import * as O from "fp-ts/lib/Option.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ProducerProfileStore } from "../../ports/producer-profile-store.ts";
import { collectPages, failWith, succeed } from "./expect-task.ts";

export interface ProducerProfileStoreSubject {
  readonly subject: ProducerProfileStore;
  cleanup(): Promise<void>;
}

export const sampleDisclosure = (): SellerDisclosure => ({
  legalName: "山田農園株式会社",
  address: "和歌山県有田市1-2-3",
  phone: "0737-00-0000",
  email: "info@yamada.example",
  responsiblePerson: "山田 太郎",
  pricesAndFees: "各プランに記載 (税込・送料別)",
  deliveryTime: "収穫後7日以内に発送",
  returnsAndCancellation: "販売締切までキャンセル可",
});

export const sampleProducerProfile = (
  overrides: Partial<ProducerProfile> = {},
): ProducerProfile => ({
  producerId: producerId("producer_1"),
  displayName: "山田農園",
  prefecture: "和歌山県",
  area: "有田",
  story: "三代続くみかん農家です。",
  photos: [],
  products: ["みかん"],
  categories: ["fruit"],
  links: [{ label: "Web", url: "https://yamada.example" }],
  disclosure: sampleDisclosure(),
  approvedAt: instant("2026-05-01T00:00:00.000Z"),
  updatedAt: instant("2026-05-01T00:00:00.000Z"),
  version: 1,
  ...overrides,
});

/** The behaviour every ProducerProfileStore adapter must share. */
export const describeProducerProfileStoreContract = (
  name: string,
  makeSubject: () => Promise<ProducerProfileStoreSubject>,
) => {
  describe(`ProducerProfileStore contract: ${name}`, () => {
    let harness: ProducerProfileStoreSubject;
    let store: ProducerProfileStore;
    beforeEach(async () => {
      harness = await makeSubject();
      store = harness.subject;
    });
    afterEach(async () => {
      await harness.cleanup();
    });

    const ids = (profiles: readonly ProducerProfile[]) => profiles.map((p) => p.producerId);

    it("answers none before approval, then the saved profile at version 1", async () => {
      const profile = sampleProducerProfile();
      expect(await succeed(store.get(profile.producerId))).toEqual(O.none);
      expect(await succeed(store.save(profile, 0))).toEqual({ ...profile, version: 1 });
      expect(await succeed(store.get(profile.producerId))).toEqual(
        O.some({ ...profile, version: 1 }),
      );
      const { area: _area, ...noArea } = sampleProducerProfile({ producerId: producerId("p2") });
      await succeed(store.save(noArea, 0));
      expect(O.toUndefined(await succeed(store.get(producerId("p2"))))?.area).toBeUndefined();
    });

    it("saves over the version it read and refuses a stale one", async () => {
      const profile = sampleProducerProfile();
      await succeed(store.save(profile, 0));
      expect((await succeed(store.save({ ...profile, story: "新しい話" }, 1))).version).toBe(2);
      expect((await failWith(store.save({ ...profile, story: "古い話" }, 1)))._tag).toBe(
        "STORE.VERSION_CONFLICT",
      );
      expect((await failWith(store.save(profile, 0)))._tag).toBe("STORE.VERSION_CONFLICT");
      expect(O.toUndefined(await succeed(store.get(profile.producerId)))?.story).toBe("新しい話");
    });

    it("lists by prefecture, category or both, newest approval first, and follows edits", async () => {
      const at = (day: number) => instant(`2026-05-${String(day).padStart(2, "0")}T00:00:00.000Z`);
      const saved = [
        sampleProducerProfile({ producerId: producerId("a"), approvedAt: at(1) }),
        sampleProducerProfile({
          producerId: producerId("b"),
          approvedAt: at(2),
          categories: ["fruit", "vegetable"],
        }),
        sampleProducerProfile({
          producerId: producerId("c"),
          approvedAt: at(3),
          prefecture: "北海道",
          categories: ["fish#1"],
        }),
        sampleProducerProfile({
          producerId: producerId("d"),
          approvedAt: at(4),
          prefecture: "北海道",
          categories: ["vegetable"],
        }),
      ];
      for (const p of saved) await succeed(store.save(p, 0));
      const list = async (q: { prefecture?: string; category?: string }) =>
        ids((await collectPages((page) => store.list({ ...q, ...page }), 1)).items);
      expect(await list({})).toEqual(["d", "c", "b", "a"]);
      expect(await list({ prefecture: "北海道" })).toEqual(["d", "c"]);
      expect(await list({ category: "vegetable" })).toEqual(["d", "b"]);
      expect(await list({ category: "fish#1" })).toEqual(["c"]);
      expect(await list({ prefecture: "和歌山県", category: "vegetable" })).toEqual(["b"]);
      expect(await list({ prefecture: "東京都" })).toEqual([]);

      // b moves to 北海道 and drops vegetables: every partition it left forgets it.
      const b = saved[1] as ProducerProfile;
      await succeed(
        store.save({ ...b, prefecture: "北海道", categories: ["fruit"], version: 2 }, 1),
      );
      expect(await list({ category: "vegetable" })).toEqual(["d"]);
      expect(await list({ prefecture: "和歌山県" })).toEqual(["a"]);
      expect(await list({ prefecture: "北海道", category: "fruit" })).toEqual(["b"]);
      const listed = (await succeed(store.list({ limit: 10 }))).items.find(
        (p) => p.producerId === "b",
      );
      expect(listed?.prefecture).toBe("北海道");
    });

    it("refuses a cursor issued for other filters", async () => {
      for (const id of ["a", "b", "c"])
        await succeed(store.save(sampleProducerProfile({ producerId: producerId(id) }), 0));
      const first = await succeed(store.list({ limit: 1 }));
      expect(first.nextCursor).toBeDefined();
      const error = await failWith(
        store.list({ limit: 1, category: "fruit", cursor: first.nextCursor as string }),
      );
      expect(error._tag).toBe("PAGINATION.INVALID_CURSOR");
    });

    it("reads many at once and removes a profile with its listing entries", async () => {
      for (const id of ["a", "b"])
        await succeed(store.save(sampleProducerProfile({ producerId: producerId(id) }), 0));
      const many = await succeed(store.getMany([producerId("a"), producerId("x")]));
      expect([...many.keys()]).toEqual(["a"]);
      await succeed(store.remove(producerId("a")));
      await succeed(store.remove(producerId("a")));
      expect(await succeed(store.get(producerId("a")))).toEqual(O.none);
      expect(ids((await succeed(store.list({ limit: 10, category: "fruit" }))).items)).toEqual([
        "b",
      ]);
    });
  });
};
