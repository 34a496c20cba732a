import { describe, expect, it } from "vitest";
import { seasonReportPostedMessage } from "../communication/outbox.ts";
import { at } from "../plans/terms.fixtures.ts";
import { ownerId, planId } from "../shared/ids.ts";

const message = (recipient: string, id = "m1") =>
  seasonReportPostedMessage({
    id,
    recipientId: ownerId(recipient),
    at: at("2026-09-10T00:00:00.000Z"),
    plan: { id: planId("figs-2025"), title: "Tree-ripened figs" },
    producerName: "Fig Farm",
    harvestedUnits: 380,
    unitLabel: "pack",
    planUrl: "/plans/figs-2025",
  });

describe("season-report-posted notice", () => {
  it("carries its template data and a plain English fallback", () => {
    const m = message("fan");
    expect(m.kind).toBe("season-report-posted");
    expect(m.params).toEqual({
      planId: "figs-2025",
      planTitle: "Tree-ripened figs",
      producerName: "Fig Farm",
      harvestedUnits: 380,
      unitLabel: "pack",
      planUrl: "/plans/figs-2025",
    });
    expect(m.subject).toContain("Tree-ripened figs");
    expect(m.body).toContain("380 pack");
  });

  it("is deduplicated per plan and owner, whatever the message id", () => {
    expect(message("fan", "a").dedupeKey).toBe(message("fan", "b").dedupeKey);
    expect(message("fan").dedupeKey).not.toBe(message("other").dedupeKey);
  });
});
