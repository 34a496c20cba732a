import { describe, expect, it } from "vitest";
import { template } from "./season-report-posted.ts";

const params = {
  planTitle: "樹上完熟いちじく",
  producerName: "いちじく農園",
  harvestedUnits: 380,
  unitLabel: "パック",
  planUrl: "/plans/plan_figs",
};

describe("season-report-posted template", () => {
  it("renders Japanese and English with the harvest and a link to the plan page", () => {
    const ja = template.render(params, "ja");
    expect(ja.subject).toContain("樹上完熟いちじく");
    expect(ja.paragraphs.join("\n")).toContain("380 パック");
    expect(ja.link).toEqual({ label: "シーズンレポートを読む", url: "/plans/plan_figs" });
    const en = template.render(params, "en");
    expect(en.subject).toBe("The season report of 樹上完熟いちじく is out");
    expect(en.paragraphs[0]).toContain("いちじく農園");
    expect(en.link?.url).toBe("/plans/plan_figs");
    expect(template).toMatchObject({ kind: "season-report-posted", category: "season" });
  });
});
