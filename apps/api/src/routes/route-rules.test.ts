import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkRouteModule, useCaseGroupsOf } from "../testing/route-rules.ts";

const ROUTES_DIR = new URL("./", import.meta.url);
const groups = useCaseGroupsOf(
  readFileSync(new URL("../composition/use-cases.ts", import.meta.url), "utf8"),
);
const routeModules = readdirSync(ROUTES_DIR).filter(
  (name) => name.endsWith(".ts") && !name.endsWith(".test.ts"),
);

describe("route modules stay thin", () => {
  it("knows the use-case groups and the route modules", () => {
    expect([...groups]).toEqual(expect.arrayContaining(["plans", "reservations", "photoUploads"]));
    expect(routeModules).toEqual(expect.arrayContaining(["plans.ts", "reservations.ts"]));
  });

  it("import no domain function and call at most one use case per handler", () => {
    const violations = routeModules.flatMap((name) =>
      checkRouteModule(name, readFileSync(new URL(name, ROUTES_DIR), "utf8"), groups),
    );
    expect(violations).toEqual([]);
  });

  it("flags a domain function import and a handler calling two use cases", () => {
    const bad = `
      import type { Plan } from "@owners/domain";
      import { seatsLeft, type PlanId } from "@owners/domain";
      export const routes = ({ plans }: UseCases) =>
        new Hono().patch("/plans/:id", requireActor, (c) =>
          pipe(plans.editPlan(a, { patch: {} }), TE.chain(() => plans.editPlan(a, x))),
        );`;
    expect(checkRouteModule("bad.ts", bad, groups)).toEqual([
      expect.objectContaining({
        rule: "domain-value-import",
        detail: expect.stringContaining("seatsLeft"),
      }),
      expect.objectContaining({
        rule: "two-use-cases",
        detail: expect.stringContaining("plans.editPlan, plans.editPlan"),
      }),
    ]);
    const alsoBad = `app.post("/x", (c) => { useCases.plans.getPlan(a); return useCases.shipments.getMyAddress(a); });
      app.get("/y", (c) => plans.getPlan(a));`;
    expect(checkRouteModule("bad.ts", alsoBad, groups)).toHaveLength(1);
    const hidden = `
      const regionFor = (useCases, actor) => useCases.shipments.getMyAddress(actor);
      export const routes = (useCases) =>
        new Hono().post("/plans/:id/reservations", (c) =>
          pipe(regionFor(useCases, a), TE.chain((r) => useCases.reservations.reserveShares(a, r))),
        );`;
    expect(checkRouteModule("hidden.ts", hidden, groups)).toEqual([
      expect.objectContaining({ rule: "use-case-outside-handler" }),
    ]);
  });
});
