import { sampleApplication } from "@owners/app/testing";
import { instant } from "@owners/domain";
import { describe, expect, it } from "vitest";
import { applicationFromItem, applicationToItem } from "./producer-application-mapper.ts";

describe("producer application mapper", () => {
  it("round-trips a pending and a decided application", () => {
    const pending = sampleApplication("u1", 3, { version: 2 });
    expect(applicationFromItem(applicationToItem(pending))).toEqual(pending);
    const rejected = {
      ...pending,
      status: "rejected" as const,
      decidedAt: instant("2026-12-02T00:00:00.000Z"),
      decidedBy: "admin-1",
      rejectionReason: "書類不足",
    };
    expect(applicationFromItem(applicationToItem(rejected))).toEqual(rejected);
  });

  it("indexes it under its status, by submission time", () => {
    const item = applicationToItem(sampleApplication("u1", 3));
    expect(item.GSI1PK).toBe("APPLICATIONS#pending");
    expect(item.GSI1SK).toBe("2026-12-01T09:03:00.000Z#u1");
  });
});
