import { describe, expect, it } from "vitest";
import { manifestOfGroups } from "./manifest-of-groups.ts";
import { ROUTE_MANIFEST } from "./route-manifest.ts";

describe("the route manifest the lazy groups mount", () => {
  it("lists exactly each group's routes, in order (else: pnpm --filter @owners/api routes:manifest)", async () => {
    expect(ROUTE_MANIFEST).toEqual(await manifestOfGroups());
  });

  it("names each method and pattern once across groups, so no request loads a group it does not need", () => {
    const all = Object.values(ROUTE_MANIFEST).flat();
    expect(new Set(all).size).toBe(all.length);
    expect(all).toContain("GET /plans/:id");
  });
});
