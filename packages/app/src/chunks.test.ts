import fc from "fast-check";
import { expect, it } from "vitest";
import { chunksOf } from "./chunks.ts";

it("chunksOf keeps every item in order, in chunks of at most size, only the last shorter", () => {
  fc.assert(
    fc.property(fc.array(fc.integer()), fc.integer({ min: 1, max: 30 }), (items, size) => {
      const chunks = chunksOf(items, size);
      expect(chunks.flat()).toEqual(items);
      expect(chunks.every((c) => c.length > 0 && c.length <= size)).toBe(true);
      expect(chunks.slice(0, -1).every((c) => c.length === size)).toBe(true);
    }),
  );
});
