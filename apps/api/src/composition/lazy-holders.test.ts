import { makeMemoryPorts } from "@owners/adapter-memory";
import { type PersonalDataHolder, storePersonalDataHolders } from "@owners/app";
import { sampleProfile } from "@owners/app/testing";
import { ownerId } from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { HOLDER_CATEGORIES, lazyPersonalDataHolders } from "./lazy-holders.ts";

const run = async <T>(task: () => Promise<E.Either<unknown, T>>) => {
  const result = await task();
  if (E.isLeft(result)) throw new Error(JSON.stringify(result.left));
  return result.right;
};

describe("the Lambda's lazy personal-data holders", () => {
  it("stand for every holder storePersonalDataHolders builds, in its order", () => {
    const { personalDataHolders, ...ports } = makeMemoryPorts();
    expect(storePersonalDataHolders(ports).map((h) => h.category)).toEqual([...HOLDER_CATEGORIES]);
    expect(personalDataHolders.map((h) => h.category)).toEqual([...HOLDER_CATEGORIES]);
  });

  it("load the holders on first use only, once, and answer as they do", async () => {
    const { personalDataHolders: _, ...ports } = makeMemoryPorts();
    await run(ports.profiles.save(sampleProfile({ ownerId: ownerId("owner-1") }), 0));
    let loads = 0;
    const lazy = lazyPersonalDataHolders(ports, async () => {
      loads += 1;
      return storePersonalDataHolders;
    });
    expect(loads).toBe(0);
    const direct = storePersonalDataHolders(ports);
    const exportOf = (holders: readonly PersonalDataHolder[]) =>
      Promise.all(holders.map((h) => run(h.exportFor("owner-1"))));
    expect(await exportOf(lazy)).toEqual(await exportOf(direct));
    await run((lazy[0] as PersonalDataHolder).eraseFor("owner-1"));
    expect(loads).toBe(1);
  });

  it("answer STORE.UNAVAILABLE when the import fails, and try again on the next call", async () => {
    const { personalDataHolders: _, ...ports } = makeMemoryPorts();
    let fail = true;
    const lazy = lazyPersonalDataHolders(ports, async () => {
      if (fail) throw new Error("chunk missing");
      return storePersonalDataHolders;
    });
    const first = await (lazy[0] as PersonalDataHolder).exportFor("owner-1")();
    expect(E.isLeft(first) && first.left._tag).toBe("STORE.UNAVAILABLE");
    fail = false;
    expect(E.isRight(await (lazy[0] as PersonalDataHolder).exportFor("owner-1")())).toBe(true);
  });
});
